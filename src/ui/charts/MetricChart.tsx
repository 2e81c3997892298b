import { usePlayground } from '../../state';
import { runEpochs } from '../../state/runState';
import { HistoryChart } from './HistoryChart';
import { metricColumns } from './metricName';

/** The metric per epoch: accuracy for classification, mean absolute error for regression. */
export function MetricChart() {
  const run = usePlayground((state) => state.run);
  const configEpochs = usePlayground((state) => state.config.epochs);
  const task = usePlayground((state) => (state.dataset.status === 'ready' ? state.dataset.table.task : null));
  const { metric, valMetric } = metricColumns(task);
  const title = `${metric} per epoch`;
  return (
    <figure className="chart" aria-label={title}>
      <div className="chart-head">
        <figcaption>{metric === 'accuracy' ? 'Accuracy' : 'Mean absolute error'}</figcaption>
      </div>
      <HistoryChart
        title={title}
        history={run.history}
        epochs={runEpochs(run) || configEpochs}
        trainKey="metric"
        valKey="valMetric"
        trainName={metric}
        valName={valMetric}
        yLabel={metric}
        height={130}
      />
    </figure>
  );
}
