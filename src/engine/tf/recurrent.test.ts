import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LayerSpec, RecurrentSpec } from '../../model/layers';
import { summarize } from '../../model/summary';
import { expectedWeightShapes, topologyToLayers } from '../../model/file/topology';
import { backendForRun } from '../backend';
import { canFuse } from '../fused/stages';
import { buildModel, disposeRecurrentMasks } from './buildModel';
import { orthogonal } from './orthogonal';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const rnn = (kind: 'simpleRnn' | 'lstm' | 'gru', units: number, returnSequences = false): LayerSpec => ({
  id: `${kind}-${units}-${returnSequences}`,
  kind,
  units,
  activation: 'tanh',
  returnSequences,
});
const dense = (units: number): LayerSpec => ({ id: `d${units}`, kind: 'dense', units, activation: 'linear' });

describe('orthogonal', () => {
  it('gives orthonormal rows to a wide matrix and columns to a tall one, the same for the same seed', () => {
    for (const [rows, cols] of [
      [8, 32],
      [24, 6],
    ] as const) {
      const m = orthogonal(rows, cols, 7);
      const small = Math.min(rows, cols);
      for (let a = 0; a < small; a++) {
        for (let b = 0; b < small; b++) {
          let dot = 0;
          const long = Math.max(rows, cols);
          for (let i = 0; i < long; i++) dot += rows < cols ? m[a * cols + i]! * m[b * cols + i]! : m[i * cols + a]! * m[i * cols + b]!;
          expect(dot).toBeCloseTo(a === b ? 1 : 0, 5);
        }
      }
      expect(orthogonal(rows, cols, 7)).toEqual(m);
      expect(orthogonal(rows, cols, 8)).not.toEqual(m);
    }
  });
});

describe('recurrent layers in tfjs', () => {
  const stacks: [number[], LayerSpec[]][] = [
    [[20, 1], [rnn('simpleRnn', 32), dense(1)]],
    [[20, 1], [rnn('lstm', 32), dense(1)]],
    [[20, 1], [rnn('gru', 32), dense(1)]],
    [[12, 3], [rnn('gru', 8, true), rnn('lstm', 4, true), { id: 'p', kind: 'globalAveragePooling1D' }, dense(2)]],
    [[12, 3], [rnn('simpleRnn', 5, true), { id: 'f', kind: 'flatten' }, dense(1)]],
  ];

  it('build the shapes and weight counts the summary shows (GRU as tfjs builds it)', () => {
    for (const [inputShape, layers] of stacks) {
      const model = buildModel(inputShape, layers, 3);
      const summary = summarize(inputShape, layers);
      expect(model.countParams()).toBe(summary.totalParams);
      expect(model.layers.map((layer) => (layer.outputShape as (number | null)[]).slice(1))).toEqual(summary.rows.map((row) => row.outputShape));
      model.dispose();
    }
  });

  it('start from Keras\'s initializers: orthogonal recurrent kernel, zero bias, LSTM forget bias 1; seeded', () => {
    const model = buildModel([20, 1], [rnn('lstm', 8), dense(1)], 5);
    const [kernel, recurrent, bias] = model.layers[0]!.getWeights();
    expect(recurrent!.shape).toEqual([8, 32]);
    const u = recurrent!.arraySync() as number[][];
    // Rows of a wide orthogonal matrix are orthonormal.
    expect(u[0]!.reduce((sum, v) => sum + v * v, 0)).toBeCloseTo(1, 5);
    expect(u[0]!.reduce((sum, v, i) => sum + v * u[1]![i]!, 0)).toBeCloseTo(0, 5);
    // tfjs's gate order is input, forget, cell, output: the forget block starts at 1.
    expect(Array.from(bias!.dataSync())).toEqual([...Array(8).fill(0), ...Array(8).fill(1), ...Array(16).fill(0)]);
    const again = buildModel([20, 1], [rnn('lstm', 8), dense(1)], 5);
    expect(again.layers[0]!.getWeights()[0]!.arraySync()).toEqual(kernel!.arraySync());
    expect(again.layers[0]!.getWeights()[1]!.arraySync()).toEqual(u);
    model.dispose();
    again.dispose();
  });

  it('their tfjs topology reads back as the same layers, with the weight shapes tfjs saves', () => {
    const layers: LayerSpec[] = [rnn('gru', 6, true), rnn('simpleRnn', 5, true), rnn('lstm', 4), dense(1)];
    const model = buildModel([12, 2], layers, 2);
    const read = topologyToLayers(model.toJSON(null, false));
    expect(read.ok && read.inputShape).toEqual([12, 2]);
    expect(read.ok && read.layers.map(({ id: _id, ...layer }) => layer)).toEqual(layers.map(({ id: _id, ...layer }) => layer));
    expect(expectedWeightShapes([12, 2], layers).map((w) => w.shape)).toEqual(model.getWeights().map((w) => w.shape));
    model.dispose();
  });

  it('LSTM and GRU learn the next value of a sine on the CPU backend, leaving no tensors', async () => {
    const before = tf.memory().numTensors;
    const windows: number[][][] = [];
    const next: number[][] = [];
    for (let i = 0; i < 128; i++) {
      windows.push(Array.from({ length: 10 }, (_, t) => [Math.sin((i + t) * 0.4)]));
      next.push([Math.sin((i + 10) * 0.4)]);
    }
    for (const kind of ['lstm', 'gru'] as const) {
      const model = buildModel([10, 1], [rnn(kind, 8), dense(1)], 1);
      const optimizer = tf.train.adam(0.02);
      model.compile({ optimizer, loss: 'meanAbsoluteError' });
      const [x, y] = [tf.tensor3d(windows), tf.tensor2d(next)];
      const history = await model.fit(x, y, { epochs: 8, batchSize: 32, verbose: 0, shuffle: false });
      const losses = history.history.loss as number[];
      expect(losses[losses.length - 1]!).toBeLessThan(losses[0]! * 0.6);
      tf.dispose([x, y]);
      model.dispose();
      optimizer.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('dropout inside a recurrent layer', () => {
  const withRates = (kind: 'simpleRnn' | 'lstm' | 'gru'): LayerSpec => ({ ...(rnn(kind, 8) as RecurrentSpec), dropout: 0.3, recurrentDropout: 0.4 });
  let windows: tf.Tensor3D;
  beforeAll(() => {
    windows = tf.tensor3d(Array.from({ length: 16 }, (_, i) => Array.from({ length: 6 }, (_, t) => [Math.sin((i + t) * 0.5)])));
  });
  afterAll(() => windows.dispose());

  it('is in the built layer, drops only while training, from seeded masks, and leaves no tensors', () => {
    for (const kind of ['simpleRnn', 'lstm', 'gru'] as const) {
      const before = tf.memory().numTensors;
      const model = buildModel([6, 1], [withRates(kind), dense(1)], 4);
      const config = model.layers[0]!.getConfig();
      expect([config.dropout, config.recurrentDropout]).toEqual([0.3, 0.4]);
      // Dropout adds no weights.
      expect(model.countParams()).toBe(summarize([6, 1], [rnn(kind, 8), dense(1)]).totalParams);
      const run = (training: boolean): number[] => tf.tidy(() => Array.from((model.apply(windows, { training }) as tf.Tensor).dataSync()));
      const inference = run(false);
      expect(run(false)).toEqual(inference);
      const trainingA = run(true);
      const trainingB = run(true);
      expect(trainingA).not.toEqual(inference);
      // A fresh mask at each training call...
      expect(trainingB).not.toEqual(trainingA);
      // ...that the same seed repeats.
      const again = buildModel([6, 1], [withRates(kind), dense(1)], 4);
      const againRun = (): number[] => tf.tidy(() => Array.from((again.apply(windows, { training: true }) as tf.Tensor).dataSync()));
      expect(againRun()).toEqual(trainingA);
      expect(againRun()).toEqual(trainingB);
      for (const built of [model, again]) {
        disposeRecurrentMasks(built);
        built.dispose();
      }
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('still learns the next value of a sine, and its topology reads back with the rates', async () => {
    const next = tf.tidy(() => tf.sin(tf.range(6, 22).mul(0.5)).reshape([16, 1]));
    const model = buildModel([6, 1], [withRates('lstm'), dense(1)], 2);
    const optimizer = tf.train.adam(0.03);
    model.compile({ optimizer, loss: 'meanAbsoluteError' });
    const history = await model.fit(windows, next, { epochs: 20, batchSize: 16, verbose: 0, shuffle: false });
    const losses = history.history.loss as number[];
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]! * 0.8);
    const read = topologyToLayers(model.toJSON(null, false));
    expect(read.ok && read.layers.map(({ id: _id, ...layer }) => layer)).toEqual([
      { kind: 'lstm', units: 8, activation: 'tanh', returnSequences: false, dropout: 0.3, recurrentDropout: 0.4 },
      { kind: 'dense', units: 1, activation: 'linear' },
    ]);
    disposeRecurrentMasks(model);
    model.dispose();
    optimizer.dispose();
    next.dispose();
  });
});

describe('the JavaScript engine leaves sequence models to tfjs', () => {
  const quiet = /wasm|Aborted|TensorFlow\.js in Node|tfjs-node|^\s*=+\s*$/i;
  beforeAll(() => {
    for (const method of ['error', 'warn', 'log'] as const) {
      const original = console[method].bind(console);
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        if (!quiet.test(args.map(String).join(' '))) original(...args);
      });
    }
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await tf.setBackend('cpu');
  });

  it('canFuse refuses recurrent layers and sequence pooling', () => {
    expect(canFuse([20, 1], [rnn('lstm', 4), dense(1)])).toBe(false);
    expect(canFuse([20], [dense(1)])).toBe(true);
  });

  it('Auto and the JavaScript choice put an LSTM on a tfjs backend that trains it, and say why', async () => {
    const run = { layers: [rnn('lstm', 32), dense(1)], data: { inputShape: [20, 1] } as never };
    const auto = await backendForRun({ name: 'cpu', renderer: null, note: 'Auto: WebGL is not available here, so cpu is used.', auto: true }, run);
    expect(auto.name).toBe('cpu');
    expect(auto.note).toBe('Auto: WebGL is not available here, so cpu is used. The JavaScript engine leaves recurrent layers (SimpleRNN, LSTM, GRU) to tfjs, so this run trains on cpu.');
    const js = await backendForRun({ name: 'js', renderer: null, note: null, auto: false }, run);
    expect(js.name).not.toBe('js');
    expect(js.note).toBe(`The JavaScript engine leaves recurrent layers (SimpleRNN, LSTM, GRU) to tfjs, so this run trains on ${js.name}.`);
  });
});
