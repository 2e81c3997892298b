import { monitorDirection, monitorName, type EarlyStoppingConfig } from '../../model/earlyStopping';
import type { TaskSpec } from '../../model/task';

/**
 * The sentence under the early stopping controls: what Keras's
 * EarlyStopping will do with these settings, in the monitored quantity's
 * own name and direction ("Stops when val_accuracy has not risen by more
 * than 0.001 for 20 epochs…").
 */
export function earlyStoppingHint(config: EarlyStoppingConfig, task: TaskSpec | null): string {
  const name = monitorName(config.monitor, task);
  const rising = monitorDirection(config, task) === 'max';
  const epochs = `${config.patience} epoch${config.patience === 1 ? '' : 's'}`;
  const baseline = config.baseline ?? null;
  return [
    `Stops when ${name} has not ${rising ? 'risen' : 'fallen'} by more than ${config.minDelta} for ${epochs}`,
    baseline === null ? '' : `; until it is ${rising ? 'above' : 'below'} the baseline ${baseline}, no epoch restarts the count`,
    config.restoreBestWeights ? `, then puts back the weights of the epoch with the ${rising ? 'highest' : 'lowest'} ${name}` : '',
    '.',
  ].join('');
}
