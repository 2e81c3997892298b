import { useMemo } from 'react';
import { diagnose } from '../../model/diagnosis';
import { usePlayground } from '../../state';

/** A badge and a sentence naming what the curves show: improving, under- or overfitting, a good fit, a plateau. */
export function FitBadge() {
  const history = usePlayground((state) => state.run.history);
  const diagnosis = useMemo(() => diagnose(history), [history]);
  if (history.length === 0) return null;
  return (
    <p className="fit" aria-label="Fit diagnosis">
      <span className={`badge badge-${diagnosis.state}`}>{diagnosis.label}</span> {diagnosis.sentence}
    </p>
  );
}
