import { usePlayground } from '../../state';
import { runEpochs } from '../../state/runState';
import { useThrottled } from '../common/useThrottled';
import { CHART_REDRAW_MS, HistoryChart } from './HistoryChart';
import { metricColumns } from './metricName';

/** The metric per epoch: accuracy for classification, mean absolute error for regression. */
export function MetricChart() {
  const run = usePlayground((state) => state.run);
  const configEpochs = usePlayground((state) => state.config.epochs);
  const task = usePlayground((state) => (state.dataset.status === 'ready' ? state.dataset.table.task : null));
  const { metric, valMetric } = metricColumns(task);
  // Half as often as the loss chart, half a redraw interval after it, so the two never redraw in the same task.
  const history = useThrottled(run.history, 2 * CHART_REDRAW_MS, CHART_REDRAW_MS / 2);
  return (
    <figure className="chart" aria-label={`${metric} per epoch`}>
      <div className="chart-head">
        <figcaption>{metric === 'accuracy' ? 'Accuracy' : 'Mean absolute error'}</figcaption>
      </div>
      <HistoryChart
        history={history}
        epochs={runEpochs(run) || configEpochs}
        trainKey="metric"
        valKey="valMetric"
        trainName={metric}
        valName={valMetric}
        yLabel={metric}
        height={150}
      />
    </figure>
  );
}
