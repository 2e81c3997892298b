import { memo, useState } from 'react';
import { Line, ReferenceArea, ReferenceLine } from 'recharts';
import { useShallow } from 'zustand/react/shallow';
import { bestEpoch, overfittingRange } from '../../model/curves';
import { usePlayground } from '../../state';
import { runLabel, type RunRecord } from '../../state/runsList';
import { runEpochs, type RunState } from '../../state/runState';
import { formatRate } from '../controls/sliderSteps';
import { useThrottled } from '../common/useThrottled';
import { CHART_REDRAW_MS, HistoryChart } from './HistoryChart';
import { palette } from './palette';

/**
 * Loss and val_loss per epoch with what a teacher would point at: the best
 * epoch, where early stopping stopped, learning-rate changes, and the
 * stretch where the model overfits.
 */
// Made once: Recharts redoes its layout when a prop is a new object.
const overfitLabel = { value: 'overfitting', position: 'insideBottom', fontSize: 11, fill: palette.overfit } as const;
const bestLabel = { value: 'best', position: 'insideTopRight', fontSize: 11, fill: palette.best } as const;
const restoredLabel = { ...bestLabel, value: 'restored' } as const;
const stoppedLabel = { value: 'stopped early', position: 'insideTopRight', offset: 18, fontSize: 11, fill: palette.stop } as const;

export function LossChart() {
  // Everything the chart shows, at most once per CHART_REDRAW_MS while epochs stream in.
  const run = useThrottled(
    usePlayground((state) => state.run),
    CHART_REDRAW_MS,
  );
  const configEpochs = usePlayground((state) => state.config.epochs);
  const [logScale, setLogScale] = useState(false);
  const overlays = usePlayground(
    useShallow((state) => state.runs.filter((past) => state.compared.includes(past.id))),
  );
  const current = usePlayground(useShallow((state) => ({ datasetId: state.datasetId, layers: state.layers, config: state.config })));
  return <LossChartView run={run} configEpochs={configEpochs} logScale={logScale} setLogScale={setLogScale} overlays={overlays} current={current} />;
}

interface LossChartViewProps {
  run: RunState;
  configEpochs: number;
  logScale: boolean;
  setLogScale(value: boolean): void;
  overlays: RunRecord[];
  current: Parameters<typeof runLabel>[1];
}

const LossChartView = memo(function LossChartView({ run, configEpochs, logScale, setLogScale, overlays, current }: LossChartViewProps) {
  const longestOverlay = Math.max(0, ...overlays.map((past) => past.losses.length));
  const { history, outcome } = run;
  const best = bestEpoch(history);
  const overfit = overfittingRange(history);
  const stoppedEarly = outcome?.kind === 'earlyStopped' ? outcome.epoch : null;
  const restored = outcome && 'restoredFrom' in outcome ? outcome.restoredFrom : null;
  return (
    <figure className="chart" aria-label="Loss per epoch">
      <div className="chart-head">
        <figcaption>Loss</figcaption>
        <label className="check small">
          <input type="checkbox" checked={logScale} onChange={(event) => setLogScale(event.target.checked)} />
          Log scale
        </label>
      </div>
      <HistoryChart
        history={history}
        epochs={Math.max(runEpochs(run) || configEpochs, longestOverlay)}
        trainKey="loss"
        valKey="valLoss"
        trainName="loss"
        valName="val_loss"
        yLabel="loss"
        height={250}
        logScale={logScale}
      >
        {overlays.map((past, i) => (
          <Line
            key={past.id}
            data={past.losses.map(([, valLoss], e) => ({ epoch: e + 1, valLoss }))}
            dataKey="valLoss"
            name={runLabel(past, current)}
            stroke="#64748b"
            strokeOpacity={0.55}
            strokeWidth={1.5}
            strokeDasharray={['2 2', '8 3', '1 3', '5 2 1 2'][i % 4]}
            dot={false}
            isAnimationActive={false}
            legendType="plainline"
          />
        ))}
        {overfit && (
          <ReferenceArea
            x1={overfit.from}
            x2={overfit.to}
            fill={palette.overfit}
            fillOpacity={0.1}
            label={overfitLabel}
          />
        )}
        {best !== null && (
          <ReferenceLine
            x={restored ?? best}
            stroke={palette.best}
            strokeDasharray="2 2"
            label={restored !== null ? restoredLabel : bestLabel}
          />
        )}
        {stoppedEarly !== null && (
          <ReferenceLine
            x={stoppedEarly}
            stroke={palette.stop}
            label={stoppedLabel}
          />
        )}
        {run.learningRateChanges.map((change, i) => (
          <ReferenceLine
            key={i}
            x={change.epoch}
            stroke={palette.learningRate}
            strokeDasharray="4 2"
            label={{ value: `lr ${formatRate(change.learningRate)}`, position: 'insideBottomRight', fontSize: 10, fill: '#1e3a8a' }}
          />
        ))}
      </HistoryChart>
      <p className="sr-only" aria-live="off">
        {best !== null ? `Lowest val_loss at epoch ${best}.` : ''}
        {overfit ? ` Overfitting from epoch ${overfit.from}.` : ''}
      </p>
    </figure>
  );
});
