import { metricFor, type TaskSpec } from '../../model/task';

/** Column names as Keras's History uses them. */
export function metricColumns(task: TaskSpec | null): { metric: string; valMetric: string } {
  const metric = task ? metricFor(task) : 'metric';
  return { metric, valMetric: `val_${metric}` };
}
