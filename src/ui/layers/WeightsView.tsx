import { useEffect, useMemo } from 'react';
import type { WeightSlot } from '../../engine/protocol';
import { WEIGHT_VIEW_LIMIT } from '../../model/limits';
import { usePlayground } from '../../state';
import { filterMosaic } from './filterMosaic';
import { Heatmap } from './Heatmap';

/** A weight tensor cut out of the flat readout. */
interface WeightTensor extends WeightSlot {
  values: Float32Array;
}

function sliceWeights(layout: readonly WeightSlot[], flat: Float32Array): WeightTensor[] {
  let offset = 0;
  return layout.map((slot) => {
    const size = slot.shape.reduce((a, b) => a * b, 1);
    const values = flat.subarray(offset, offset + size);
    offset += size;
    return { ...slot, values };
  });
}

const noFeatures: string[] = [];

const fmt = (value: number): string => (Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(3));

/** `y = 0.512·cement − 0.204·water + … + 3.1`: the course's single neuron, with its live weights. */
function NeuronEquation({ kernel, bias, features }: { kernel: Float32Array; bias: number; features: string[] }) {
  return (
    // role=math: an equation, and a role that takes the name ARIA would ignore on a plain paragraph.
    <p className="equation" role="math" aria-label="Single neuron weights">
      <span className="eq-y">y</span> ={' '}
      {Array.from(kernel, (w, i) => (
        <span key={i} className="eq-term">
          {i > 0 && (w < 0 ? ' − ' : ' + ')}
          {i === 0 && w < 0 ? '−' : ''}
          <data value={w}>{fmt(Math.abs(w))}</data>·<var>{features[i] ?? `x${i + 1}`}</var>
        </span>
      ))}{' '}
      {bias < 0 ? '−' : '+'} <data value={bias}>{fmt(Math.abs(bias))}</data>
      <span className="eq-names">
        {' '}
        (w = kernel, b = {fmt(bias)})
      </span>
    </p>
  );
}

/** A Dense kernel as an inputs × units matrix; a Conv2D kernel as one tile per filter and input channel. */
function KernelHeatmap({ kernel }: { kernel: WeightTensor }) {
  const { shape, layerIndex, values } = kernel;
  const mosaic = useMemo(() => (shape.length === 4 ? filterMosaic(shape, values) : null), [shape, values]);
  if (mosaic) {
    const [kh, kw, channels, filters] = shape;
    return (
      <Heatmap
        title={`Layer ${layerIndex + 1} filters, ${filters} of ${kh}×${kw} over ${channels} input channel${channels === 1 ? '' : 's'} ${
          channels === 1 ? `(${mosaic.perRow} to a row)` : '(filters left to right, channels top to bottom)'
        }`}
        rows={mosaic.rows}
        cols={mosaic.cols}
        values={mosaic.values}
      />
    );
  }
  return (
    <Heatmap
      title={`Layer ${layerIndex + 1} kernel, ${shape[0]} inputs × ${shape[1]} units`}
      rows={shape[0]!}
      cols={shape[1]!}
      values={values}
    />
  );
}

/**
 * The weights of the run's model as training moves them: the equation of a
 * single neuron, or one heatmap per Dense or Conv2D kernel for small networks.
 */
export function WeightsView() {
  // While this view is on screen (its section open), the worker sends each epoch's weights.
  useEffect(() => {
    return usePlayground.getState().watchWeights();
  }, []);
  const layout = usePlayground((state) => state.run.weightLayout);
  const weights = usePlayground((state) => state.run.weights);
  const layers = usePlayground((state) => state.run.setup?.layers ?? null);
  const params = usePlayground((state) => state.run.params);
  const tooLarge = usePlayground((state) => state.run.params !== null && state.run.weightLayout === null);
  const features = usePlayground((state) => (state.dataset.status === 'ready' ? state.dataset.table.featureNames : noFeatures));
  const tensors = useMemo(() => (layout && weights ? sliceWeights(layout, weights) : null), [layout, weights]);
  if (tooLarge) {
    return (
      <p className="hint">
        This model has {params?.toLocaleString('en-US')} weights, too many to draw each epoch; the weights view shows models of up to{' '}
        {WEIGHT_VIEW_LIMIT.toLocaleString('en-US')}.
      </p>
    );
  }
  if (!tensors || !layers) return <p className="hint">Train to see the weights move.</p>;
  const denseCount = layers.filter((layer) => layer.kind === 'dense').length;
  const kernels = tensors.filter((t) => t.name === 'kernel');
  if (denseCount === 1 && kernels.length === 1 && kernels[0]!.shape[1] === 1) {
    const bias = tensors.find((t) => t.name === 'bias' && t.layerIndex === kernels[0]!.layerIndex);
    return <NeuronEquation kernel={kernels[0]!.values} bias={bias?.values[0] ?? 0} features={features} />;
  }
  return (
    <div className="weights">
      {kernels.map((kernel) => (
        <KernelHeatmap key={kernel.layerIndex} kernel={kernel} />
      ))}
      <p className="hint">
        <span className="swatch swatch-pos" /> positive <span className="swatch swatch-neg" /> negative weight; stronger
        colour, larger magnitude.
      </p>
    </div>
  );
}
