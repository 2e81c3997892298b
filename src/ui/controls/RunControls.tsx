import { usePlayground } from '../../state';

/** Train (start or resume), Pause, Stop and Reset, and why Train could not start. */
export function RunControls() {
  const phase = usePlayground((state) => state.run.phase);
  const datasetReady = usePlayground((state) => state.dataset.status === 'ready');
  const problems = usePlayground((state) => state.problems);
  const { train, pause, stop, reset } = usePlayground.getState();
  const active = phase === 'starting' || phase === 'running';
  return (
    <div className="run-controls">
      <div className="buttons">
        <button type="button" className="primary" onClick={() => void train()} disabled={active || !datasetReady}>
          Train
        </button>
        <button type="button" onClick={pause} disabled={phase !== 'running'}>
          Pause
        </button>
        <button type="button" onClick={stop} disabled={!active && phase !== 'paused'}>
          Stop
        </button>
        <button type="button" onClick={reset} disabled={phase === 'idle'}>
          Reset
        </button>
      </div>
      {problems.length > 0 && (
        <ul className="problems" role="alert" aria-label="Why training cannot start">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
