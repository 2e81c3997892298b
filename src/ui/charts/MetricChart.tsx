import { DRAW_MS, throttlesViews, useThrottled } from '../run/useThrottled';
import { useMemo } from 'react';
import { usePlayground } from '../../state';
import { runEpochs } from '../../state/runState';
import { HistoryChart } from './HistoryChart';
import { metricColumns } from './metricName';
import { monitoredBest } from './monitoredBest';
import { palette } from './palette';
import type { Marker } from './plot/CurveChart';

const noMarkers: readonly Marker[] = [];

/**
 * The metric per epoch: accuracy for classification, mean absolute error for
 * regression. When early stopping monitors the metric, its best (or
 * restored) epoch is marked here too, where the value it judged is drawn.
 */
export function MetricChart() {
  const latest = usePlayground((state) => state.run);
  const run = useThrottled(latest, throttlesViews(latest.phase, latest.history.length), DRAW_MS);
  const configEpochs = usePlayground((state) => state.config.epochs);
  const task = usePlayground((state) => (state.dataset.status === 'ready' ? state.dataset.table.task : null));
  const { metric, valMetric } = metricColumns(task);
  const title = `${metric} per epoch`;
  const { history, outcome, setup, data } = run;
  const markers = useMemo((): readonly Marker[] => {
    const marked = monitoredBest({ history, outcome, setup, data });
    if (!marked || (marked.monitor !== 'metric' && marked.monitor !== 'val_metric')) return noMarkers;
    const label = marked.restored ? 'restored' : `best ${marked.name}`;
    return [{ kind: 'line', id: 'best', x: marked.epoch, color: palette.best, dash: '2 2', label, place: 'top' }];
  }, [history, outcome, setup, data]);
  return (
    <figure className="chart" aria-label={title}>
      <div className="chart-head">
        <figcaption>{metric === 'accuracy' ? 'Accuracy' : 'Mean absolute error'}</figcaption>
      </div>
      <HistoryChart
        title={title}
        history={history}
        epochs={runEpochs(run) || configEpochs}
        trainKey="metric"
        valKey="valMetric"
        trainName={metric}
        valName={valMetric}
        yLabel={metric}
        height={130}
        markers={markers}
      />
    </figure>
  );
}
