import { memo, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { overfittingRange } from '../../model/curves';
import { penaltyName } from '../../model/regularizers';
import { usePlayground } from '../../state';
import { recordEpoch, runLabel, type RunRecord } from '../../state/runsList';
import { runEpochs, type RunState } from '../../state/runState';
import { formatRate } from '../controls/sliderSteps';
import { DRAW_MS, throttlesViews, useThrottled } from '../run/useThrottled';
import { HistoryChart } from './HistoryChart';
import { monitoredBest } from './monitoredBest';
import { palette } from './palette';
import type { Curve, Marker } from './plot/CurveChart';

/**
 * Loss and val_loss per epoch with what a teacher would point at: the best
 * epoch, where early stopping stopped, learning-rate changes, and the
 * stretch where the model overfits.
 */
export function LossChart() {
  const latest = usePlayground((state) => state.run);
  const run = useThrottled(latest, throttlesViews(latest.phase, latest.history.length), DRAW_MS);
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

const overlayDashes = ['2 2', '8 3', '1 3', '5 2 1 2'];

const LossChartView = memo(function LossChartView({ run, configEpochs, logScale, setLogScale, overlays, current }: LossChartViewProps) {
  const longestOverlay = Math.max(0, ...overlays.map((past) => past.epochs ?? past.losses.length));
  const { history, outcome } = run;
  // The best epoch of what early stopping monitors (val_loss without it), or the one it restored.
  const marked = useMemo(() => monitoredBest({ history, outcome, setup: run.setup, data: run.data }), [history, outcome, run.setup, run.data]);
  const best = marked?.epoch ?? null;
  const restored = marked?.restored === true;
  // The overfitting stretch reads the whole history: a few times a second while a long run trains.
  const settled = useThrottled(history, throttlesViews(run.phase, history.length));
  const overfit = useMemo(() => overfittingRange(settled), [settled]);
  const stoppedEarly = outcome?.kind === 'earlyStopped' ? outcome.epoch : null;
  const extraCurves = useMemo(
    () =>
      overlays.map(
        (past, i): Curve => ({
          id: past.id,
          name: runLabel(past, current),
          points: past.losses.map(([, valLoss], i) => [recordEpoch(past, i), valLoss] as const),
          color: '#64748b',
          opacity: 0.55,
          width: 1.5,
          dash: overlayDashes[i % overlayDashes.length],
        }),
      ),
    [overlays, current],
  );
  const markers = useMemo(() => {
    const list: Marker[] = [];
    if (overfit) list.push({ kind: 'area', id: 'overfit', from: overfit.from, to: overfit.to, color: palette.overfit, label: 'overfitting' });
    if (best !== null) {
      // The loss chart names what the best epoch is best in when that is not val_loss.
      const label = restored ? 'restored' : marked?.monitor === 'val_loss' ? 'best' : `best ${marked?.name ?? ''}`;
      list.push({ kind: 'line', id: 'best', x: best, color: palette.best, dash: '2 2', label, place: 'top' });
    }
    if (stoppedEarly !== null) list.push({ kind: 'line', id: 'stop', x: stoppedEarly, color: palette.stop, label: 'stopped early', place: 'top2' });
    run.learningRateChanges.forEach((change, i) =>
      list.push({
        kind: 'line',
        id: `lr${i}`,
        x: change.epoch,
        color: palette.learningRate,
        dash: '4 2',
        label: `lr ${formatRate(change.learningRate)}`,
        labelColor: '#1e3a8a',
        place: 'bottom',
      }),
    );
    return list;
  }, [overfit?.from, overfit?.to, best, restored, marked?.monitor, marked?.name, stoppedEarly, run.learningRateChanges]);
  return (
    <figure className="chart" aria-label="Loss per epoch">
      <div className="chart-head">
        <figcaption>Loss</figcaption>
        <label className="check small">
          <input type="checkbox" checked={logScale} onChange={(event) => setLogScale(event.target.checked)} />
          Log scale
        </label>
      </div>
      <PenaltyNote name={penaltyName(run.setup?.layers ?? current.layers)} />
      <HistoryChart
        title="Loss per epoch"
        history={history}
        epochs={Math.max(runEpochs(run) || configEpochs, longestOverlay)}
        trainKey="loss"
        valKey="valLoss"
        trainName="loss"
        valName="val_loss"
        yLabel="loss"
        height={230}
        logScale={logScale}
        extraCurves={extraCurves}
        markers={markers}
      />
      <p className="sr-only" aria-live="off">
        {marked ? `${restored ? 'Weights restored from' : `Best ${marked.name} at`} epoch ${marked.epoch}.` : ''}
        {overfit ? ` Overfitting from epoch ${overfit.from}.` : ''}
      </p>
    </figure>
  );
});

/** Says that the curves include the weight penalty, as Keras 3 logs loss and val_loss with it. */
function PenaltyNote({ name }: { name: string | null }) {
  if (!name) return null;
  return (
    <p className="chart-note hint">
      loss and val_loss include the {name} penalty, as Keras reports them
    </p>
  );
}
