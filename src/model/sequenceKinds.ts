import { activations } from './activations';
import type { LayerKindDef, ParamCount } from './layerKinds';
import type { LayerOf, RecurrentSpec, Shape } from './layers';
import { limits } from './limits';

/*
 * The layer kinds that read sequences: one example is [steps, features],
 * the window of a time series. Shapes and weight counts are those of
 * Keras's `model.summary()` for the cell tfjs 4.22 really builds. Dropout
 * inside a cell (of the inputs, of the carried state) adds no weights.
 */

const formatInput = (shape: Shape): string => `(None, ${shape.join(', ')})`;

/**
 * Weight matrices per recurrent kind: a cell has `gates` blocks of kernel
 * (features × units), recurrent kernel (units × units) and bias (units).
 *
 * GRU, the decision: tfjs 4.22's GRU has no `reset_after` option; it
 * always builds Keras 2's original cell (reset_after=False: one bias of
 * 3 × units, the reset gate applied before the recurrent kernel). Keras 3's
 * default is reset_after=True with two biases: 3,393 weights for GRU(32) on
 * 1 feature + Dense(1), against 3,297 here. The playground counts, trains
 * and exports what tfjs builds, so its Keras script must write
 * `GRU(32, reset_after=False)`. The gates use sigmoid in both LSTM and GRU
 * (buildModel sets it): tfjs's default hard_sigmoid is 0.2·x + 0.5, Keras
 * 3's hard_sigmoid is x/6 + 0.5, so only sigmoid names the same cell on both
 * sides, and it is Keras 3's default.
 */
const gates: Record<RecurrentSpec['kind'], number> = { simpleRnn: 1, lstm: 4, gru: 3 };

const needsSequence = (name: string, input: Shape): string | null =>
  input.length === 2
    ? null
    : input.length === 1
      ? `${name} needs a sequence input (steps × features), but gets ${formatInput(input)}, one vector per example. Choose a time-series dataset, or, after another recurrent layer, turn on "Return sequences" there.`
      : `${name} needs a sequence input (steps × features), but gets ${formatInput(input)}, an image. Use it on a time series.`;

/** A dropout rate of a recurrent layer in plain words when it cannot be used; absent is 0, no dropout. */
function dropoutProblems(name: string, what: string, rate: number | undefined): string[] {
  if (rate === undefined || (Number.isFinite(rate) && rate >= 0 && rate < 1)) return [];
  return [`${name} must be at least 0 and below 1 (it is ${rate}): it is the fraction of the ${what} dropped while training, and 1 would drop all of it.`];
}

function describeDropout(layer: RecurrentSpec): string {
  const parts = [
    ...(layer.dropout ? [`input dropout ${layer.dropout}`] : []),
    ...(layer.recurrentDropout ? [`recurrent dropout ${layer.recurrentDropout}`] : []),
  ];
  return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}

function recurrent(kind: RecurrentSpec['kind'], label: string, kerasClass: string, kerasName: string): LayerKindDef<RecurrentSpec> {
  return {
    label,
    kerasClass,
    kerasName,
    outputShape: (layer, input) => needsSequence(label, input) ?? (layer.returnSequences ? [input[0]!, layer.units] : [layer.units]),
    params: (layer, input): ParamCount => {
      const features = input[input.length - 1] ?? 0;
      return { trainable: gates[kind] * layer.units * (features + layer.units + 1), nonTrainable: 0 };
    },
    check: (layer) => [
      // A recurrent layer runs one step after another; past a few hundred units tfjs in a tab crawls.
      ...(Number.isInteger(layer.units) && layer.units >= 1 && layer.units <= limits.maxRecurrentUnits
        ? []
        : [`Units must be a whole number from 1 to ${limits.maxRecurrentUnits} (it is ${layer.units}).`]),
      ...dropoutProblems('Input dropout', 'input', layer.dropout),
      ...dropoutProblems('Recurrent dropout', 'state carried between steps', layer.recurrentDropout),
    ],
    describe: (layer) =>
      `${label} ${layer.units}, ${activations[layer.activation].label}${layer.returnSequences ? ', every step' : ''}${describeDropout(layer)}`,
  };
}

export const simpleRnn: LayerKindDef<LayerOf<'simpleRnn'>> = recurrent('simpleRnn', 'SimpleRNN', 'SimpleRNN', 'simple_rnn');
export const lstm: LayerKindDef<LayerOf<'lstm'>> = recurrent('lstm', 'LSTM', 'LSTM', 'lstm');
export const gru: LayerKindDef<LayerOf<'gru'>> = recurrent('gru', 'GRU', 'GRU', 'gru');

export const globalAveragePooling1D: LayerKindDef<LayerOf<'globalAveragePooling1D'>> = {
  label: 'GlobalAveragePooling1D',
  kerasClass: 'GlobalAveragePooling1D',
  kerasName: 'global_average_pooling1d',
  outputShape: (_layer, input) => needsSequence('GlobalAveragePooling1D', input) ?? [input[1]!],
  params: () => ({ trainable: 0, nonTrainable: 0 }),
  check: () => [],
  describe: () => 'Average over the steps',
};
