import { describe, expect, it } from 'vitest';
import { topologyToLayers, expectedWeightShapes } from './file/topology';
import { readKerasCode } from './kerasCode';
import type { LayerSpec } from './layers';
import { kerasScript } from './file/kerasScript';
import type { PlaygroundBlock } from './file/schema';

const seriesBlock: PlaygroundBlock = {
  version: 1,
  dataset: { id: 'sunspots', label: 'Sunspots' },
  task: { kind: 'regression' },
  target: 'y',
  features: ['y'],
  inputShape: [20, 1],
  encodings: [],
  classNames: null,
  scaler: { kind: 'standard', offset: [0], scale: [1], fill: [0] },
  config: {
    optimizer: 'adam',
    learningRate: 0.01,
    batchSize: 8,
    epochs: 10,
    loss: 'mae',
    validationSplit: 0.2,
    scaling: 'standard',
    seed: 1,
    earlyStopping: { enabled: false, patience: 5, minDelta: 0, restoreBestWeights: true },
  },
  history: [],
};

const snippet = `model = keras.Sequential([
    layers.SimpleRNN(16, return_sequences=True, input_shape=[20, 1]),
    layers.LSTM(units=8, activation="relu", return_sequences=True),
    layers.GRU(4, reset_after=False, return_sequences=True),
    layers.GlobalAveragePooling1D(),
    layers.Dense(1),
])`;

describe('Paste Keras code reads recurrent layers', () => {
  it('reads SimpleRNN, LSTM, GRU and GlobalAveragePooling1D with their settings', () => {
    const reading = readKerasCode(snippet);
    expect(reading.problems).toEqual([]);
    expect(reading.inputShape).toEqual([20, 1]);
    expect(reading.layers).toEqual([
      { kind: 'simpleRnn', units: 16, activation: 'tanh', returnSequences: true },
      { kind: 'lstm', units: 8, activation: 'relu', returnSequences: true },
      { kind: 'gru', units: 4, activation: 'tanh', returnSequences: true },
      { kind: 'globalAveragePooling1D' },
      { kind: 'dense', units: 1, activation: 'linear' },
    ]);
    expect(reading.notes).toEqual([]);
  });

  it('says what differs from Keras 3 for a plain GRU(32)', () => {
    const reading = readKerasCode('keras.Sequential([layers.GRU(32, input_shape=[20, 1]), layers.Dense(1)])');
    expect(reading.layers[0]).toEqual({ kind: 'gru', units: 32, activation: 'tanh', returnSequences: false });
    expect(reading.notes.join(' ')).toMatch(/reset_after=False, the only GRU tfjs has: Keras 3's default \(reset_after=True\) has a second bias, 96 more weights/);
  });

  it('refuses gates it cannot build', () => {
    const reading = readKerasCode('keras.Sequential([layers.LSTM(8, recurrent_activation="hard_sigmoid", input_shape=[5, 1]), layers.GRU(4), layers.Dense(1)])');
    expect(reading.layers.map((layer) => layer.kind)).toEqual(['gru', 'dense']);
    expect(reading.problems.map((p) => p.message).join(' ')).toMatch(/recurrent_activation="hard_sigmoid" cannot be built/);
  });

  it('reads dropout and recurrent_dropout inside the cell, and says when a rate cannot be used', () => {
    const reading = readKerasCode(
      'keras.Sequential([layers.LSTM(8, dropout=0.2, recurrent_dropout=0.1, return_sequences=True, input_shape=[5, 1]), layers.GRU(4, dropout=0, recurrent_dropout=1.5), layers.Dense(1)])',
    );
    expect(reading.layers.slice(0, 2)).toEqual([
      { kind: 'lstm', units: 8, activation: 'tanh', returnSequences: true, dropout: 0.2, recurrentDropout: 0.1 },
      // A zero rate is no dropout; a rate of 1 or more is left out with a message.
      { kind: 'gru', units: 4, activation: 'tanh', returnSequences: false },
    ]);
    expect(reading.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^GRU: recurrent_dropout=1.5 is not a fraction from 0 up to \(not including\) 1; the layer is read without it\.$/)]);
  });
});

const lstm: LayerSpec = { id: 'a', kind: 'lstm', units: 8, activation: 'tanh', returnSequences: false };

describe('Keras topologies with recurrent layers', () => {
  const topology = (layers: { class_name: string; config: Record<string, unknown> }[]) => ({
    class_name: 'Sequential',
    config: { name: 's', layers: [{ class_name: 'InputLayer', config: { batch_input_shape: [null, 20, 1] } }, ...layers] },
  });

  it('reads what tfjs exports and knows the weight shapes it saves', () => {
    const result = topologyToLayers(
      topology([
        { class_name: 'GRU', config: { units: 4, activation: 'tanh', recurrent_activation: 'sigmoid', reset_after: false, return_sequences: true } },
        { class_name: 'GlobalAveragePooling1D', config: {} },
        { class_name: 'LSTM', config: { units: 3, activation: 'tanh', recurrent_activation: 'sigmoid', return_sequences: false } },
      ]),
    );
    // (GAP1D then LSTM is not a valid model, but the reader only translates.)
    expect(result.ok && result.layers.map((layer) => layer.kind)).toEqual(['gru', 'globalAveragePooling1D', 'lstm']);
    expect(expectedWeightShapes([20, 1], [lstm]).map((w) => w.shape)).toEqual([[1, 32], [8, 32], [32]]);
  });

  it('reads dropout rates from a topology and refuses a rate of 1', () => {
    const read = topologyToLayers(
      topology([{ class_name: 'SimpleRNN', config: { units: 4, activation: 'tanh', dropout: 0.25, recurrent_dropout: 0, return_sequences: false } }]),
    );
    expect(read.ok && read.layers.map(({ id: _id, ...layer }) => layer)).toEqual([{ kind: 'simpleRnn', units: 4, activation: 'tanh', returnSequences: false, dropout: 0.25 }]);
    const all = topologyToLayers(topology([{ class_name: 'LSTM', config: { units: 4, recurrent_activation: 'sigmoid', recurrent_dropout: 1 } }]));
    expect(all).toEqual({ ok: false, message: expect.stringMatching(/recurrent_dropout=1 \(a rate must be at least 0 and below 1\)/) });
  });

  it('refuses a Keras 3 default GRU or hard-sigmoid gates with what differs', () => {
    const keras3 = topologyToLayers(topology([{ class_name: 'GRU', config: { units: 4, reset_after: true, recurrent_activation: 'sigmoid' } }]));
    expect(keras3).toEqual({ ok: false, message: expect.stringMatching(/reset_after=True \(tfjs builds only reset_after=False/) });
    const hard = topologyToLayers(topology([{ class_name: 'LSTM', config: { units: 4, recurrent_activation: 'hard_sigmoid' } }]));
    expect(hard).toEqual({ ok: false, message: expect.stringMatching(/recurrent_activation "hard_sigmoid"/) });
  });
});

describe('the Keras script writes the cell tfjs trains', () => {
  it('says sigmoid gates, reset_after=False for GRU, and return_sequences', () => {
    const script = kerasScript(
      [
        { id: 'a', kind: 'gru', units: 32, activation: 'tanh', returnSequences: true },
        { id: 'b', kind: 'simpleRnn', units: 4, activation: 'relu', returnSequences: false },
        { id: 'c', kind: 'dense', units: 1, activation: 'linear' },
      ],
      seriesBlock,
      { kind: 'csv', file: 'x.csv', target: 'y', ignored: [], categorical: [], image: null },
    );
    expect(script).toContain('layers.GRU(units=32, activation="tanh", recurrent_activation="sigmoid", reset_after=False, return_sequences=True, input_shape=[20, 1])');
    expect(script).toContain('layers.SimpleRNN(units=4, activation="relu", return_sequences=False)');
    // Read back, the script gives the same stack.
    expect(readKerasCode(script).layers.map((layer) => layer.kind)).toEqual(['gru', 'simpleRnn', 'dense']);
  });

  it('writes dropout and recurrent_dropout when they are set, and Paste Keras code reads them back', () => {
    const layers: LayerSpec[] = [
      { id: 'a', kind: 'lstm', units: 16, activation: 'tanh', returnSequences: true, dropout: 0.2, recurrentDropout: 0.15 },
      { id: 'b', kind: 'gru', units: 8, activation: 'tanh', returnSequences: false, recurrentDropout: 0.3 },
      { id: 'c', kind: 'simpleRnn', units: 4, activation: 'tanh', returnSequences: false, dropout: 0 },
      { id: 'd', kind: 'dense', units: 1, activation: 'linear' },
    ];
    const script = kerasScript(layers, seriesBlock, { kind: 'csv', file: 'x.csv', target: 'y', ignored: [], categorical: [], image: null });
    expect(script).toContain('layers.LSTM(units=16, activation="tanh", recurrent_activation="sigmoid", dropout=0.2, recurrent_dropout=0.15, return_sequences=True, input_shape=[20, 1])');
    expect(script).toContain('layers.GRU(units=8, activation="tanh", recurrent_activation="sigmoid", reset_after=False, recurrent_dropout=0.3, return_sequences=False)');
    // A rate of 0 is Keras's default and is not written.
    expect(script).toContain('layers.SimpleRNN(units=4, activation="tanh", return_sequences=False)');
    const read = readKerasCode(script);
    expect(read.problems).toEqual([]);
    expect(read.layers).toEqual([
      { kind: 'lstm', units: 16, activation: 'tanh', returnSequences: true, dropout: 0.2, recurrentDropout: 0.15 },
      { kind: 'gru', units: 8, activation: 'tanh', returnSequences: false, recurrentDropout: 0.3 },
      { kind: 'simpleRnn', units: 4, activation: 'tanh', returnSequences: false },
      { kind: 'dense', units: 1, activation: 'linear' },
    ]);
  });
});
