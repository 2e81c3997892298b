import { bestEpoch } from '../../model/curves';
import { monitorName, replayEarlyStopping, type MonitorKind } from '../../model/earlyStopping';
import type { RunState } from '../../state/runState';

/** The epoch a chart marks as best, and what it is best in. */
export interface MonitoredBest {
  epoch: number;
  /** Early stopping put this epoch's weights back. */
  restored: boolean;
  monitor: MonitorKind;
  /** As Keras logs it: val_loss, val_accuracy, mae… */
  name: string;
}

/**
 * The best epoch as early stopping sees it: the epoch it restored or named
 * when the run ended, and while it runs the best epoch of the monitored
 * value under the run's own rule (mode, min_delta), replayed over the
 * history. Without early stopping, the epoch of lowest val_loss.
 */
export function monitoredBest(run: Pick<RunState, 'history' | 'outcome' | 'setup' | 'data'>): MonitoredBest | null {
  const early = run.setup?.config.earlyStopping;
  const task = run.data?.exportMeta.task ?? null;
  const monitor = early?.enabled ? (early.monitor ?? 'val_loss') : 'val_loss';
  const name = monitorName(monitor, task);
  const outcome = run.outcome;
  const restoredFrom = outcome && 'restoredFrom' in outcome ? outcome.restoredFrom : null;
  if (restoredFrom !== null) return { epoch: restoredFrom, restored: true, monitor, name };
  if (outcome?.kind === 'earlyStopped') return { epoch: outcome.bestEpoch, restored: false, monitor, name };
  if (early?.enabled) {
    const epoch = replayEarlyStopping(run.history, early, task).bestEpoch;
    return epoch > 0 ? { epoch, restored: false, monitor, name } : null;
  }
  const lowest = bestEpoch(run.history);
  return lowest === null ? null : { epoch: lowest, restored: false, monitor, name };
}
