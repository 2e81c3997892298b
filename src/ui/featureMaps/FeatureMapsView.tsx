import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { summarize } from '../../model/summary';
import { usePlayground } from '../../state';
import { imageGeometry, imageValues, inkAsImage, tonesOf } from '../data/imageTones';
import { ActivationBars } from './ActivationBars';
import { ClassProbabilities } from './ClassProbabilities';
import { DrawingPad } from './DrawingPad';
import { drawnImage, recipeFor, scaleExample } from './drawnImage';
import { ImagePicker } from './ImagePicker';
import { MapTiles } from './MapTiles';
import { PixelImage } from './PixelImage';

/** What the maps are of: a validation image of the run, or the drawing on the pad. */
type Subject = { kind: 'validation'; index: number } | { kind: 'drawing'; ink: Float32Array };

/**
 * Inside a CNN, for one image: each Conv2D and MaxPooling2D layer's output
 * as one tile per channel, each Dense layer's outputs as bars, and the class
 * probabilities; for a picked validation image or for what the person draws,
 * measured by the worker on the model as it trains (and after the run).
 */
export function FeatureMapsView() {
  const { table, datasetId } = usePlayground(
    useShallow((state) => ({ table: state.dataset.status === 'ready' ? state.dataset.table : null, datasetId: state.datasetId })),
  );
  const images = table?.modality === 'image';
  // Measured only while there are images to measure (the worker does nothing for other sets).
  useEffect(() => (images ? usePlayground.getState().watchProbe('featureMaps') : undefined), [images]);
  const { data, setup, probe } = usePlayground(useShallow((state) => ({ data: state.run.data, setup: state.run.setup, probe: state.run.probe })));
  const picked = usePlayground((state) => state.pickedImage);
  const [subject, setSubject] = useState<Subject>({ kind: 'validation', index: picked });
  // A pick made elsewhere (the misclassified gallery) shows that image, over a drawing.
  useEffect(() => setSubject({ kind: 'validation', index: picked }), [picked]);
  const { height, width, channels } = imageGeometry(table ?? {});
  const tones = table ? tonesOf(table) : 'ink';
  const recipe = useMemo(() => recipeFor(datasetId, height, width), [datasetId, height, width]);
  // The run is of the data set on screen: only then do its model and scaler fit these images.
  const ours = table !== null && table.modality === 'image' && data !== null && setup?.datasetId === datasetId;

  /**
   * The image in 0–1, height × width × channels (what the model is shown,
   * before the run's scaler). A drawing is grey ink: in a set of true tones
   * it is dark on white, and a colour set gets its grey in every channel.
   */
  const pixels = useMemo(() => {
    if (!table || table.modality !== 'image') return null;
    if (subject.kind === 'drawing') return inkAsImage(drawnImage(subject.ink, recipe), channels, tones);
    if (!ours) return null;
    const row = data.validationRows[Math.min(subject.index, data.validationRows.length - 1)] ?? 0;
    const size = imageValues({ height, width, channels });
    return table.features.slice(row * size, (row + 1) * size);
  }, [table, subject, recipe, ours, data, height, width, channels, tones]);

  // Sent when the image or the run changes (a new run may scale differently);
  // the pad reports a few times a second at most, so this is sent no more often.
  useEffect(() => {
    if (!ours || !pixels) return;
    usePlayground.getState().setProbeInput(scaleExample(pixels, data.exportMeta.scaler));
  }, [ours, pixels, data]);
  useEffect(() => () => void usePlayground.getState().setProbeInput(null), []);

  const names = useMemo(() => (table && setup ? summarize(table.inputShape ?? [], setup.layers).rows.map((row) => row.name) : []), [table, setup]);
  if (!table || table.modality !== 'image') return <p className="hint">Feature maps are shown for image data sets: the handwritten digits, Fashion-MNIST or your own images.</p>;
  const maps = ours ? (probe?.result.featureMaps ?? null) : null;
  const lastDense = setup ? setup.layers.map((layer) => layer.kind).lastIndexOf('dense') : -1;
  return (
    <div className="feature-maps-view">
      <div className="feature-maps-inputs">
        {ours && (
          <ImagePicker
            table={table}
            rows={data.validationRows}
            index={Math.min(picked, data.validationRows.length - 1)}
            active={subject.kind === 'validation'}
            onPick={(index) => {
              usePlayground.getState().pickImage(index);
              setSubject({ kind: 'validation', index });
            }}
          />
        )}
        <section className="draw-and-predict" aria-label="Draw and predict">
          <h3>Draw and predict</h3>
          <DrawingPad
            recipe={recipe}
            size={168}
            onChange={(ink) => setSubject(ink ? { kind: 'drawing', ink } : { kind: 'validation', index: picked })}
          />
        </section>
        {pixels && (
          <figure className="model-input">
            <PixelImage pixels={pixels} height={height} width={width} channels={channels} tones={tones} size={56} label="Model input" />
            <figcaption className="hint">{subject.kind === 'drawing' ? 'The drawing as the model sees it' : 'The picked image'}</figcaption>
          </figure>
        )}
      </div>
      {!ours ? (
        <p className="hint">Train the model (or press Step) to see its feature maps and predictions for an image.</p>
      ) : !maps ? (
        <p className="hint" aria-busy="true">
          Measuring the layers…
        </p>
      ) : (
        <>
          <p className="hint">After epoch {probe?.epoch}:</p>
          <ClassProbabilities output={maps.output} classNames={table.classNames ?? null} />
          <section className="feature-maps" aria-label="Feature maps">
            {maps.layers.map((layer) =>
              layer.shape.length === 3 ? (
                <MapTiles key={layer.layerIndex} name={names[layer.layerIndex] ?? `layer ${layer.layerIndex + 1}`} shape={layer.shape} values={layer.values} size={36} columns={8} />
              ) : layer.layerIndex === lastDense ? null : (
                <ActivationBars key={layer.layerIndex} name={names[layer.layerIndex] ?? `layer ${layer.layerIndex + 1}`} values={layer.values} />
              ),
            )}
          </section>
        </>
      )}
    </div>
  );
}
