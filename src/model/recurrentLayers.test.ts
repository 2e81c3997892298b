import { describe, expect, it } from 'vitest';
import oracle from './recurrent.keras.json';
import { layerKinds } from './layerKinds';
import type { LayerDraft, LayerOf, LayerSpec, RecurrentSpec } from './layers';
import { summarize } from './summary';
import { validateModel } from './validate';

// recurrent.keras.json is written by scripts/recurrentKeras.py from Keras 3's
// own model.summary() numbers (GRU built as tfjs builds it; see sequenceKinds.ts).
const withIds = (drafts: readonly LayerDraft[]): LayerSpec[] => drafts.map((draft, i) => ({ ...draft, id: `k${i}` }) as LayerSpec);

describe('recurrent stacks match Keras 3', () => {
  for (const stack of oracle.stacks) {
    const name = `${JSON.stringify(stack.inputShape)} → ${stack.rows.map((row) => row.class).join(' → ')}`;
    it(`${name}: ${stack.totalParams} weights`, () => {
      const summary = summarize(stack.inputShape, withIds(stack.layers as LayerDraft[]));
      expect(summary.shapeError).toBeNull();
      expect(summary.rows.map((row) => row.kerasClass)).toEqual(stack.rows.map((row) => row.class));
      expect(summary.rows.map((row) => row.outputShape)).toEqual(stack.rows.map((row) => row.outputShape));
      expect(summary.rows.map((row) => row.params.trainable + row.params.nonTrainable)).toEqual(stack.rows.map((row) => row.params));
      expect(summary.totalParams).toBe(stack.totalParams);
    });
  }

  it('the issue\'s numbers: SimpleRNN(32) 1,121 and LSTM(32) 4,385 on 20 × 1 windows, GRU(32) 3,297 as tfjs builds it', () => {
    expect(oracle.stacks.slice(0, 3).map((stack) => stack.totalParams)).toEqual([1121, 4385, 3297]);
    // Keras 3's default GRU (reset_after=True) would have a second bias: 96 more weights.
    expect(oracle.keras3DefaultGru32Dense1Params).toBe(3393);
  });

  it('names layers as Keras does', () => {
    const summary = summarize([20, 1], withIds(oracle.stacks[3]!.layers as LayerDraft[]));
    expect(summary.rows.map((row) => row.name)).toEqual(['lstm', 'lstm_1', 'dense']);
  });
});

const rnn = (kind: 'simpleRnn' | 'lstm' | 'gru', units: number, returnSequences = false): LayerSpec => ({
  id: `${kind}${units}${returnSequences}`,
  kind,
  units,
  activation: 'tanh',
  returnSequences,
});
const dense = (units: number): LayerSpec => ({ id: `d${units}`, kind: 'dense', units, activation: 'linear' });
const regression = { kind: 'regression' } as const;

describe('sequence models are validated in plain words', () => {
  it('a window → LSTM → Dense stack can train', () => {
    expect(validateModel({ inputShape: [20, 1], layers: [rnn('lstm', 32), dense(1)] }, regression, 'mae')).toEqual([]);
  });

  it('a recurrent layer needs sequence input', () => {
    const issues = validateModel({ inputShape: [8], layers: [rnn('gru', 8), dense(1)] }, regression, 'mae');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.layerIndex).toBe(0);
    expect(issues[0]!.message).toMatch(/GRU needs a sequence input \(steps × features\), but gets \(None, 8\)/);
  });

  it('a recurrent layer feeding another needs "Return sequences"', () => {
    const layers = [rnn('lstm', 16), { id: 'drop', kind: 'dropout', rate: 0.2 } as LayerSpec, rnn('lstm', 8), dense(1)];
    const issues = validateModel({ inputShape: [20, 1], layers }, regression, 'mae');
    expect(issues).toEqual([
      {
        layerIndex: 0,
        message: 'Layer 1: LSTM passes on only its last step, but layer 3 (LSTM) needs the whole sequence. Turn on "Return sequences" on layer 1.',
      },
    ]);
    const fixed = [rnn('lstm', 16, true), layers[1]!, rnn('lstm', 8), dense(1)];
    expect(validateModel({ inputShape: [20, 1], layers: fixed }, regression, 'mae')).toEqual([]);
  });

  it('a Dense after a sequence needs a flatten, a pooling or the last step', () => {
    const issues = validateModel({ inputShape: [20, 1], layers: [rnn('simpleRnn', 8, true), dense(1)] }, regression, 'mae');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.layerIndex).toBe(1);
    expect(issues[0]!.message).toMatch(/Dense layer gets a sequence of 20 steps .* \(None, 20, 1\).*Flatten or a GlobalAveragePooling1D.*"Return sequences" off/);
    // Straight from the window too.
    expect(validateModel({ inputShape: [20, 1], layers: [dense(1)] }, regression, 'mae')[0]!.message).toMatch(/gets a sequence of 20 steps/);
    for (const reduce of [{ id: 'f', kind: 'flatten' }, { id: 'p', kind: 'globalAveragePooling1D' }] as LayerSpec[]) {
      expect(validateModel({ inputShape: [20, 1], layers: [rnn('simpleRnn', 8, true), reduce, dense(1)] }, regression, 'mae')).toEqual([]);
    }
  });

  it('a recurrent output without Dense still says what is wrong', () => {
    const issues = validateModel({ inputShape: [20, 1], layers: [rnn('lstm', 1, true)] }, regression, 'mae');
    expect(issues[0]!.message).toMatch(/The last layer outputs \(None, 20, 1\), a sequence of 20 steps/);
  });

  it('dropout rates inside a recurrent layer are fractions below 1, said in plain words, and add no weights', () => {
    const withRates = (dropout: number, recurrentDropout: number): LayerSpec => ({ ...(rnn('lstm', 32) as RecurrentSpec), dropout, recurrentDropout });
    expect(validateModel({ inputShape: [20, 1], layers: [withRates(0.2, 0.5), dense(1)] }, regression, 'mae')).toEqual([]);
    const issues = validateModel({ inputShape: [20, 1], layers: [withRates(1, -0.1), dense(1)] }, regression, 'mae');
    expect(issues.map((issue) => issue.message)).toEqual([
      expect.stringMatching(/Input dropout must be at least 0 and below 1 \(it is 1\): it is the fraction of the input dropped while training/),
      expect.stringMatching(/Recurrent dropout must be at least 0 and below 1 \(it is -0.1\): it is the fraction of the state carried between steps dropped/),
    ]);
    expect(issues.every((issue) => issue.layerIndex === 0)).toBe(true);
    expect(summarize([20, 1], [withRates(0.2, 0.5), dense(1)]).totalParams).toBe(summarize([20, 1], [rnn('lstm', 32), dense(1)]).totalParams);
  });

  it('the layer description names its dropout rates when set', () => {
    expect(layerKinds.gru.describe({ ...rnn('gru', 8), dropout: 0.2, recurrentDropout: 0.1 } as LayerOf<'gru'>)).toBe('GRU 8, Tanh, input dropout 0.2, recurrent dropout 0.1');
    expect(layerKinds.gru.describe(rnn('gru', 8) as LayerOf<'gru'>)).toBe('GRU 8, Tanh');
  });

  it('units of a recurrent layer are bounded', () => {
    const issues = validateModel({ inputShape: [20, 1], layers: [rnn('lstm', 100_000), dense(1)] }, regression, 'mae');
    expect(issues[0]!.message).toMatch(/Units must be a whole number from 1 to 512/);
  });
});
