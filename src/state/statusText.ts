import type { EpochRecord } from '../engine/protocol';
import { monitoredValue, monitorName } from '../model/earlyStopping';
import { runEpochs, type RunState } from './runState';

/** A learning rate as people write it: 0.01, not 1.000e-2. */
const fmtRate = (value: number): string => String(Number(value.toPrecision(3)));

const fmt = (value: number): string => {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e5) ? value.toExponential(3) : value.toPrecision(4);
};

const losses = (record: EpochRecord): string => `loss ${fmt(record.loss)}, val_loss ${fmt(record.valLoss)}`;

/** The test evaluation as the status reads it: "test_loss 0.4100, test_accuracy 0.8700"; empty without one. */
export function testText(run: RunState): string {
  if (!run.test) return '';
  const task = run.data?.exportMeta.task ?? null;
  return `test_loss ${fmt(run.test.loss)}, test_${task?.kind === 'regression' ? 'mae' : 'accuracy'} ${fmt(run.test.metric)}`;
}

/** The sentence the status line reads out: the epoch, the losses, and why a run ended (and the test evaluation). */
export function statusText(run: RunState): string {
  const text = runText(run);
  const test = run.phase === 'ended' ? testText(run) : '';
  if (!test) return text;
  return `${text}${text.endsWith('.') ? '' : '.'} Test set: ${test}.`;
}

function runText(run: RunState): string {
  const last = run.history[run.history.length - 1];
  const epochs = runEpochs(run);
  const progress = last ? `Epoch ${last.epoch}/${epochs}: ${losses(last)}` : null;
  switch (run.phase) {
    case 'idle':
      return 'Ready. Press Train to start.';
    case 'starting':
      return 'Starting the run…';
    case 'running':
      return progress ?? `Epoch 0/${epochs}: training the first epoch…`;
    case 'paused':
      return `Paused. ${progress ?? `Epoch 0/${epochs}`}`;
    case 'ended':
      break;
  }
  if (run.error) return run.error;
  const outcome = run.outcome;
  if (!outcome) return 'The run ended.';
  // Names what early stopping watched and its value at the epoch it chose, when that epoch is in the history.
  const early = run.setup?.config.earlyStopping;
  const best = (epoch: number, prefix: string): string => {
    const record = run.history[epoch - 1];
    if (!early || record?.epoch !== epoch) return '';
    return ` (${prefix}${monitorName(early.monitor, run.data?.exportMeta.task ?? null)} ${fmt(monitoredValue(early.monitor, record))})`;
  };
  const restored = (epoch: number | null): string => (epoch === null ? '' : `; restored weights from epoch ${epoch}${best(epoch, 'best ')}`);
  switch (outcome.kind) {
    case 'completed':
      return `Finished ${outcome.epochs} epoch${outcome.epochs === 1 ? '' : 's'}${restored(outcome.restoredFrom)}. ${
        last ? losses(last) : ''
      }`.trim();
    case 'earlyStopped':
      return `Stopped early at epoch ${outcome.epoch}${
        outcome.restoredFrom === null ? `; the best epoch was ${outcome.bestEpoch}${best(outcome.bestEpoch, '')}` : restored(outcome.restoredFrom)
      }.`;
    case 'stopped':
      return `Stopped at epoch ${outcome.epoch}.${last ? ` ${losses(last)}` : ''}`;
    case 'evaluated':
      return `Imported model: val_loss ${fmt(outcome.valLoss)} on this dataset's validation split. Press Train to train it further.`;
    case 'diverged': {
      const kept = outcome.keptEpoch > 0 ? `the weights of epoch ${outcome.keptEpoch} are kept` : 'the initial weights are kept';
      return `Diverged: loss became ${outcome.value} at epoch ${outcome.epoch}; ${kept}. ${divergenceAdvice(run, outcome.epoch)}`;
    }
  }
}

/** Inputs larger than this (in magnitude) are read as not scaled: standardized ones rarely pass a few units. */
export const UNSCALED_INPUT = 10;

/**
 * What to try after a run diverged. Right at the start (epoch 1 or 2) the
 * learning rate is seldom the cause on its own: weights imported from
 * elsewhere, or inputs in the hundreds, make the very first steps huge at any
 * sensible rate, so those are named first.
 */
export function divergenceAdvice(run: RunState, epoch: number): string {
  const setup = run.setup;
  const rate = setup?.config.learningRate;
  const lower = rate ? `a learning rate below ${fmtRate(rate)}, such as ${fmtRate(rate / 10)}` : 'a smaller learning rate';
  if (epoch <= 2 && setup?.imported) {
    return `It started from imported weights, which may be broken or made for other data: check the model file, or train from fresh weights (Reset). Then try ${lower}.`;
  }
  if (epoch <= 2 && (setup?.largestInput ?? 0) > UNSCALED_INPUT) {
    const largest = Number((setup!.largestInput!).toPrecision(3)).toLocaleString('en-US');
    const how = setup!.config.scaling === 'none' ? 'set Scaling to Standardize' : 'check the scaling of your columns';
    return `The inputs are not scaled (values up to ${largest}), so the first steps are huge: ${how}, then try again; if it still diverges, try ${lower}.`;
  }
  return `Try ${lower}.`;
}
