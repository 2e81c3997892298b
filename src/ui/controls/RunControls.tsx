import { useShallow } from 'zustand/react/shallow';
import { usePlayground } from '../../state';
import { changesSinceStart } from '../../state/changes';
import { isActive } from '../../state/runState';
import { useExperimentIssues } from '../useExperimentIssues';

/** Train (start or resume), Pause, Step, Stop and Reset, and what keeps Train from starting. */
export function RunControls() {
  const phase = usePlayground((state) => state.run.phase);
  const datasetReady = usePlayground((state) => state.dataset.status === 'ready');
  const problems = usePlayground((state) => state.problems);
  const changes = usePlayground(useShallow(changesSinceStart));
  const issues = useExperimentIssues();
  const { train, pause, step, stop, reset, restart } = usePlayground.getState();
  const active = usePlayground((state) => isActive(state.run));
  const blocked = issues.length > 0 && phase !== 'paused';
  const canStart = datasetReady && !blocked;
  return (
    // The target of "Skip to training controls": focusable from script only, so the next Tab lands on Train.
    <div className="run-controls" id="training-controls" tabIndex={-1} role="group" aria-label="Training controls">
      <div className="buttons">
        <button
          type="button"
          className="primary"
          onClick={() => void train()}
          disabled={phase === 'starting' || phase === 'running' || !canStart}
        >
          Train
        </button>
        <button type="button" onClick={pause} disabled={phase !== 'running'}>
          Pause
        </button>
        <button
          type="button"
          onClick={() => void step()}
          disabled={!(phase === 'paused' || (!active && canStart))}
          title="Train one epoch, then pause"
        >
          Step
        </button>
        <button type="button" onClick={stop} disabled={!active}>
          Stop
        </button>
        <button type="button" onClick={reset} disabled={phase === 'idle'}>
          Reset
        </button>
      </div>
      {active && changes.length > 0 && (
        <p className="pending" role="note">
          Changed since this run started: {changes.join(', ')}. The run keeps its settings.{' '}
          <button type="button" onClick={() => void restart()} disabled={issues.length > 0}>
            Restart with changes
          </button>
        </p>
      )}
      {(issues.length > 0 || problems.length > 0) && (
        <ul className="problems" aria-label="Why training cannot start">
          {[...new Set([...issues, ...problems])].map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
