import { useShallow } from 'zustand/react/shallow';
import { usePlayground } from '../../state';
import { runLabel } from '../../state/runsList';

const fmt = (value: number): string => (Number.isFinite(value) ? value.toPrecision(4) : '—');

/** Finished runs, kept across reloads; ticked ones are drawn faintly on the loss chart. */
export function RunsList() {
  const runs = usePlayground((state) => state.runs);
  const compared = usePlayground((state) => state.compared);
  const current = usePlayground(useShallow((state) => ({ datasetId: state.datasetId, layers: state.layers, config: state.config })));
  const { toggleCompare, deleteRun } = usePlayground.getState();
  return (
    <details className="runs" open={runs.length > 0}>
      <summary>Runs ({runs.length})</summary>
      {runs.length === 0 ? (
        <p className="hint">Finished runs appear here; tick one to overlay its validation loss on the chart.</p>
      ) : (
        <ul aria-label="Finished runs">
          {[...runs].reverse().map((run) => {
            const label = runLabel(run, current);
            return (
              <li key={run.id}>
                <label className="check small">
                  <input type="checkbox" checked={compared.includes(run.id)} onChange={() => toggleCompare(run.id)} />
                  {label}
                </label>
                <span className="hint">
                  {' '}
                  best val_loss {fmt(run.bestValLoss)}, {run.epochs ?? run.losses.length} epochs, {run.outcome}
                </span>{' '}
                <button type="button" className="icon" aria-label={`Delete run ${run.number}`} onClick={() => deleteRun(run.id)}>
                  ✕
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}
