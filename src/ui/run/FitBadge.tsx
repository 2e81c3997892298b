import { useMemo } from 'react';
import { constantLoss } from '../../model/constantLoss';
import { diagnose, type FitState } from '../../model/diagnosis';
import { usePlayground } from '../../state';
import { throttlesViews, useThrottled } from './useThrottled';

/** The badge colour of each state; 'unstable' shares the warning colour of a plateau. */
const tone: Record<FitState, string> = {
  early: 'early',
  improving: 'improving',
  underfitting: 'underfitting',
  goodFit: 'goodFit',
  overfitting: 'overfitting',
  plateau: 'plateau',
  unstable: 'plateau',
  diverged: 'diverged',
};

/**
 * A badge and a sentence naming what the curves show: improving, under- or
 * overfitting, a good fit, a plateau, unstable, diverged. It judges the model
 * as it now is: after early stopping restored an epoch, that epoch's.
 */
export function FitBadge() {
  const latest = usePlayground((state) => state.run.history);
  const live = usePlayground((state) => throttlesViews(state.run.phase, state.run.history.length));
  // Read a few times a second while a long run trains (see useThrottled); exactly once it stops.
  const history = useThrottled(latest, live);
  const outcome = usePlayground((state) => state.run.outcome);
  const data = usePlayground((state) => state.run.data);
  const loss = usePlayground((state) => state.run.setup?.config.loss ?? null);
  // The loss of predicting one constant for every validation row: tells a run stuck at a constant output from a converged one.
  const baseline = useMemo(() => (data && loss ? constantLoss(loss, data.yVal, data.targetSize) : null), [data, loss]);
  const restoredFrom = outcome && (outcome.kind === 'completed' || outcome.kind === 'earlyStopped') ? outcome.restoredFrom : null;
  const diagnosis = useMemo(() => diagnose(history, { restoredFrom, constantLoss: baseline }), [history, restoredFrom, baseline]);
  if (latest.length === 0) return null;
  return (
    // A paragraph cannot carry a name (ARIA ignores aria-label on it); a group can.
    <p className="fit" role="group" aria-label="Fit diagnosis">
      <span className={`badge badge-${tone[diagnosis.state]}`}>{diagnosis.label}</span> {diagnosis.sentence}
    </p>
  );
}
