import type { Table } from '../../data/table';
import { usePlayground } from '../../state';
import { ImageCanvas } from '../data/ImageCanvas';
import { imageGeometry, imageRow, tonesOf } from '../data/imageTones';

const SHOWN = 12;

/** Images: validation examples the model gets wrong, with the true and the predicted class. */
export function MisclassifiedGallery({ table, rows, actual, predicted }: { table: Table; rows: Uint32Array; actual: Uint8Array; predicted: Uint8Array }) {
  const { height, width, channels } = imageGeometry(table);
  const tones = tonesOf(table);
  const wrong: number[] = [];
  for (let i = 0; i < actual.length && wrong.length < SHOWN; i++) if (actual[i] !== predicted[i]) wrong.push(i);
  const name = (k: number) => table.classNames?.[k] ?? String(k);
  return (
    <figure className="gallery">
      <figcaption className="chart-head">Misclassified validation images</figcaption>
      {wrong.length === 0 ? (
        <p className="hint">None: every validation image is classified correctly.</p>
      ) : (
        // The figure is already named by its caption; ARIA ignores aria-label on a div without a role.
        <div className="image-grid">
          {wrong.map((i) => {
            const r = rows[i]!;
            const text = `${name(actual[i]!)} → ${name(predicted[i]!)}`;
            return (
              <figure key={i}>
                {/* A click picks the image for the Feature maps section, to see where the model went wrong. */}
                <button
                  type="button"
                  className="image-button"
                  aria-label={`Feature maps of validation image ${i + 1}: actually ${name(actual[i]!)}, predicted ${name(predicted[i]!)}`}
                  onClick={() => usePlayground.getState().pickImage(i)}
                >
                  <ImageCanvas pixels={imageRow(table, r)} height={height} width={width} channels={channels} tones={tones} size={40} label={`Actually ${name(actual[i]!)}, predicted ${name(predicted[i]!)}`} />
                </button>
                <figcaption>{text}</figcaption>
              </figure>
            );
          })}
        </div>
      )}
    </figure>
  );
}
