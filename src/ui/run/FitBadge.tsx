import { useMemo } from 'react';
import { constantLoss } from '../../model/constantLoss';
import { diagnose, type FitState } from '../../model/diagnosis';
import { usePlayground } from '../../state';

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
  const history = usePlayground((state) => state.run.history);
  const outcome = usePlayground((state) => state.run.outcome);
  const data = usePlayground((state) => state.run.data);
  const loss = usePlayground((state) => state.run.setup?.config.loss ?? null);
  // The loss of predicting one constant for every validation row: tells a run stuck at a constant output from a converged one.
  const baseline = useMemo(() => (data && loss ? constantLoss(loss, data.yVal, data.targetSize) : null), [data, loss]);
  const restoredFrom = outcome && (outcome.kind === 'completed' || outcome.kind === 'earlyStopped') ? outcome.restoredFrom : null;
  const diagnosis = useMemo(() => diagnose(history, { restoredFrom, constantLoss: baseline }), [history, restoredFrom, baseline]);
  if (history.length === 0) return null;
  return (
    // A paragraph cannot carry a name (ARIA ignores aria-label on it); a group can.
    <p className="fit" role="group" aria-label="Fit diagnosis">
      <span className={`badge badge-${tone[diagnosis.state]}`}>{diagnosis.label}</span> {diagnosis.sentence}
    </p>
  );
}
