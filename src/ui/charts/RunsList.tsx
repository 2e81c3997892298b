import { useShallow } from 'zustand/react/shallow';
import { usePlayground } from '../../state';
import { runLabel } from '../../state/runsList';
import { losses, type LossName } from '../../model/losses';

const fmt = (value: number): string => (Number.isFinite(value) ? value.toPrecision(4) : '—');

/** The test metric's name as Keras logs it: a regression loss goes with MAE, the others with accuracy. */
const testMetricName = (loss: LossName): string => ((losses[loss].tasks as readonly string[]).includes('regression') ? 'test_mae' : 'test_accuracy');

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
                  best val_loss {fmt(run.bestValLoss)}
                  {run.test ? `, test_loss ${fmt(run.test.loss)}, ${testMetricName(run.config.loss)} ${fmt(run.test.metric)}` : ''},{' '}
                  {run.epochs ?? run.losses.length} epochs, {run.outcome}
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
