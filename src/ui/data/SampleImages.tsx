import type { Table } from '../../data/table';
import { ImageCanvas } from './ImageCanvas';
import { imageGeometry, imageRow, tonesOf } from './imageTones';

const SAMPLES = 20;

/** A grid of the first images of each class, with their labels. */
export function SampleImages({ table }: { table: Table }) {
  const { height, width, channels } = imageGeometry(table);
  const tones = tonesOf(table);
  // Spread the samples over the classes rather than showing the first rows' class only.
  const picks: number[] = [];
  const classes = table.classNames?.length ?? 1;
  for (let r = 0; r < table.numRows && picks.length < SAMPLES; r++) {
    const t = table.targets[r]!;
    if (picks.filter((p) => table.targets[p] === t).length < Math.ceil(SAMPLES / classes)) picks.push(r);
  }
  return (
    <details className="samples" open>
      <summary>Sample images</summary>
      {/* A named group: ARIA ignores aria-label on a div without a role. */}
      <div className="image-grid" role="group" aria-label="Sample images">
        {picks.map((r) => {
          const label = table.classNames?.[table.targets[r]!] ?? String(table.targets[r]);
          return (
            <figure key={r}>
              <ImageCanvas pixels={imageRow(table, r)} height={height} width={width} channels={channels} tones={tones} size={36} label={`Sample ${r + 1}: ${label}`} />
              <figcaption>{label}</figcaption>
            </figure>
          );
        })}
      </div>
    </details>
  );
}
