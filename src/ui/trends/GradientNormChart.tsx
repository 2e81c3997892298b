import { useMemo } from 'react';
import { usePlayground } from '../../state';
import { runEpochs } from '../../state/runState';
import { CurveChart, type Curve } from '../charts/plot/CurveChart';
import { layerColours, thinIndices } from './trendLayers';

/**
 * The L2 norm of each layer's kernel gradient per epoch (the mean over the
 * epoch's steps), one curve per layer on a log scale: where the first
 * layers' gradients are orders of magnitude below the last's, those layers
 * barely learn (vanishing gradients); where they climb, the steps explode.
 */
export function GradientNormChart({ names }: { names: Map<number, string> }) {
  const trends = usePlayground((state) => state.run.trends);
  const epochs = usePlayground((state) => runEpochs(state.run) || state.config.epochs);
  const curves = useMemo(() => {
    const shown = thinIndices(trends.rows.length).map((i) => trends.rows[i]!);
    return trends.layers.map(
      (layer, k): Curve => ({
        id: `layer${layer}`,
        name: names.get(layer) ?? `layer ${layer + 1}`,
        points: shown.map((row) => [row.epoch, row.gradientNorms[k]!] as const),
        color: layerColours[k % layerColours.length]!,
      }),
    );
  }, [trends, names]);
  return (
    <figure className="chart" aria-label="Gradient norm per layer">
      <div className="chart-head">
        <figcaption>Gradient norm per layer</figcaption>
      </div>
      {trends.rows.length === 0 ? (
        <p className="hint">Train to see how large each layer’s gradient is, epoch by epoch.</p>
      ) : (
        <CurveChart title="Gradient norm per layer" curves={curves} lastEpoch={Math.max(2, epochs)} yLabel="‖∂E/∂W‖" height={150} logScale />
      )}
      <p className="hint">The L2 norm of each layer’s kernel gradient, the mean over each epoch’s steps, on a log scale.</p>
    </figure>
  );
}
