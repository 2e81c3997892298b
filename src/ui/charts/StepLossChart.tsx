import { DRAW_MS, throttlesViews, useThrottled } from '../run/useThrottled';
import { memo, useMemo, useState } from 'react';
import { usePlayground } from '../../state';
import { stepValues, type StepLog } from '../../state/stepLog';
import { palette } from './palette';
import { CurveChart, type Curve } from './plot/CurveChart';
import { envelopePoints, NOISE_WINDOW, relativeStepNoise, smoothedPoints, smoothingFor } from './stepSeries';

/**
 * The training loss of every step (batch), as Keras's progress line and
 * TensorBoard's step charts show it: the per-epoch means hide how much each
 * small batch's loss jumps, how a too-high learning rate overshoots from one
 * step to the next, and what the first steps of a run do.
 */
export function StepLossChart() {
  const latestSteps = usePlayground((state) => state.run.steps);
  const live = usePlayground((state) => throttlesViews(state.run.phase, state.run.history.length));
  const steps = useThrottled(latestSteps, live, DRAW_MS);
  const stepsPerEpoch = usePlayground((state) => state.run.stepsPerEpoch);
  const epochs = usePlayground((state) => state.run.setup?.config.epochs ?? state.config.epochs);
  const batchSize = usePlayground((state) => state.run.data?.batchSize ?? null);
  const [logScale, setLogScale] = useState(false);
  return (
    <StepLossView steps={steps} stepsPerEpoch={stepsPerEpoch} epochs={epochs} batchSize={batchSize} logScale={logScale} setLogScale={setLogScale} />
  );
}

interface StepLossViewProps {
  steps: StepLog;
  stepsPerEpoch: number | null;
  epochs: number;
  batchSize: number | null;
  logScale: boolean;
  setLogScale(value: boolean): void;
}

const percent = (share: number): string => `${(share * 100).toPrecision(share >= 0.1 ? 3 : 2)} %`;

/** The line under the chart: how many steps, and how much the loss jumps between them. */
function stepSummary(count: number, stepsPerEpoch: number | null, batchSize: number | null, noise: number | null): string {
  if (count < 2) return 'Each step’s training loss appears here as the run trains.';
  const n = (value: number): string => value.toLocaleString('en-US');
  const details = [stepsPerEpoch ? `${n(stepsPerEpoch)} an epoch` : null, batchSize ? `batch size ${n(batchSize)}` : null].filter(Boolean);
  const change = noise === null ? 'not measurable' : `${percent(noise)} of the loss`;
  return `${n(count)} steps${details.length > 0 ? ` (${details.join(', ')})` : ''}. Step-to-step change: ${change}, over the latest ${n(
    Math.min(NOISE_WINDOW, count),
  )} steps.`;
}

const StepLossView = memo(function StepLossView({ steps, stepsPerEpoch, epochs, batchSize, logScale, setLogScale }: StepLossViewProps) {
  const { curves, noise } = useMemo(() => {
    const values = stepValues(steps);
    const list: Curve[] = [
      { id: 'step', name: 'loss of each step', points: envelopePoints(values), color: palette.train, width: 1, opacity: 0.4 },
      { id: 'smoothed', name: 'smoothed', points: smoothedPoints(values, smoothingFor(values.length)), color: palette.train, width: 2 },
    ];
    return { curves: list, noise: relativeStepNoise(values) };
  }, [steps]);
  const planned = stepsPerEpoch ? stepsPerEpoch * epochs : 0;
  // The axis runs to the planned last step, or, for a long run, to a power of
  // two ahead of the steps so far: it moves seldom, and the steps are not squeezed into its start.
  const ahead = 2 ** Math.ceil(Math.log2(Math.max(64, steps.count * 1.25)));
  const lastStep = Math.max(2, steps.count, planned > 0 ? Math.min(planned, ahead) : ahead);
  return (
    <figure className="chart" aria-label="Loss per step">
      <div className="chart-head">
        <figcaption>Loss per step</figcaption>
        <label className="check small">
          <input type="checkbox" checked={logScale} onChange={(event) => setLogScale(event.target.checked)} />
          Log scale
        </label>
      </div>
      <CurveChart
        title="Loss per step"
        curves={curves}
        lastEpoch={lastStep}
        yLabel="loss"
        xLabel="step"
        height={140}
        logScale={logScale}
      />
      <p className="hint step-noise">{stepSummary(steps.count, stepsPerEpoch, batchSize, noise)}</p>
    </figure>
  );
});
