import { optimizers } from '../../model/optimizers';
import { usePlayground } from '../../state';
import { formatRate } from '../controls/sliderSteps';

/**
 * What the current run is doing, as the worker reported it: the optimizer,
 * the learning rate in use, the batch size and steps per epoch (Keras's
 * "26/26"), the parameter count and the backend.
 */
export function RunInfo() {
  const run = usePlayground((state) => state.run);
  const { setup, stepsPerEpoch, params, backend, history, learningRateChanges, data } = run;
  if (!setup || stepsPerEpoch === null) return null;
  const { config } = setup;
  const rate =
    history[history.length - 1]?.learningRate ?? learningRateChanges[learningRateChanges.length - 1]?.learningRate ?? config.learningRate;
  return (
    <>
      {/* role=group: ARIA ignores a name on a plain paragraph. */}
      <p className="run-info" role="group" aria-label="Run settings">
        {optimizers[config.optimizer].label}, learning rate {formatRate(rate)}, batch size {data?.batchSize ?? config.batchSize} (
        {stepsPerEpoch} step{stepsPerEpoch === 1 ? '' : 's'} per epoch), {config.epochs} epochs · {params?.toLocaleString('en-US')} weights on {backend}
      </p>
      {data?.notes.map((note) => (
        <p key={note} className="run-info run-note">
          {note}
        </p>
      ))}
    </>
  );
}
