import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareData } from '../../data/prepare';
import { createRng } from '../../data/rng';
import { generate } from '../../data/synthetic';
import type { ActivationName } from '../../model/activations';
import type { LayerSpec } from '../../model/layers';
import type { LossName } from '../../model/losses';
import { optimizerNames } from '../../model/optimizers';
import type { TaskSpec } from '../../model/task';
import type { TrainingConfig } from '../../model/trainingConfig';
import { conv2d, maxPool, testConfig } from '../../testing/fixtures';
import { deserializeModel } from '../tf/serialize';
import type { EpochRecord, TrainingData } from '../protocol';
import { RunControl } from '../runControl';
import { runTraining, type RunRequest, type RunResult } from '../trainer';
import { setKernelMode } from './kernelChoice';
import { canFuse } from './stages';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** A generated 2-D set. */
function data(set: 'circle' | 'plane'): TrainingData {
  return { ...prepareData(generate(set, { numPoints: 120, noise: 0.1, seed: 4 }), 0.25, 2), grid: null };
}

/** 120 points in three classes by angle around the origin, one-hot targets; 90 for training. */
function threeClasses(): TrainingData {
  const rng = createRng(8);
  const rows = (count: number) => {
    const x = new Float32Array(count * 2);
    const y = new Float32Array(count * 3);
    for (let i = 0; i < count; i++) {
      const angle = rng.uniform(0, 2 * Math.PI);
      const radius = rng.uniform(0.2, 1.5);
      x.set([radius * Math.cos(angle), radius * Math.sin(angle)], i * 2);
      y[i * 3 + Math.min(2, Math.floor((angle / (2 * Math.PI)) * 3))] = 1;
    }
    return { x, y };
  };
  const train = rows(90);
  const val = rows(30);
  return { xTrain: train.x, yTrain: train.y, xVal: val.x, yVal: val.y, inputShape: [2], targetSize: 3, grid: null };
}

const dense = (units: number, activation: ActivationName): LayerSpec => ({ id: `d${units}${activation}`, kind: 'dense', units, activation });
const conv = (filters: number, kernelSize: number, strides: number, padding: 'valid' | 'same'): LayerSpec => conv2d(filters, kernelSize, padding, strides);
const pool = maxPool;

/** 9×9 one-channel images in three classes (a bright row, column or diagonal), 60 to train on, 24 to validate. */
function images(): TrainingData {
  const rng = createRng(5);
  const make = (count: number) => {
    const x = new Float32Array(count * 81);
    const y = new Float32Array(count * 3);
    for (let n = 0; n < count; n++) {
      const label = n % 3;
      const at = rng.int(9);
      for (let i = 0; i < 81; i++) x[n * 81 + i] = rng.uniform(0, 0.3);
      for (let i = 0; i < 9; i++) x[n * 81 + (label === 0 ? at * 9 + i : label === 1 ? i * 9 + at : i * 9 + i)] = 1;
      y[n * 3 + label] = 1;
    }
    return { x, y };
  };
  const train = make(60);
  const val = make(24);
  return { xTrain: train.x, yTrain: train.y, xVal: val.x, yVal: val.y, inputShape: [9, 9, 1], targetSize: 3, grid: null };
}

async function train(engine: 'tfjs' | 'fused', layers: LayerSpec[], task: TaskSpec, config: TrainingConfig, trainingData: TrainingData) {
  const history: EpochRecord[] = [];
  const request: RunRequest = { layers, task, config, data: trainingData, engine };
  const result = await runTraining(request, new RunControl(), { onEpoch: (record) => history.push(record) });
  return { history, result };
}

async function finalWeights(result: RunResult): Promise<Float32Array[]> {
  const model = await deserializeModel(result.model!);
  const values = model.getWeights().map((w) => w.dataSync() as Float32Array);
  model.dispose();
  return values;
}

/** Both engines from the same initial weights: same losses and same final weights, to float rounding. */
async function expectSameTraining(layers: LayerSpec[], task: TaskSpec, config: TrainingConfig, trainingData: TrainingData) {
  const viaTfjs = await train('tfjs', layers, task, config, trainingData);
  const viaFused = await train('fused', layers, task, config, trainingData);
  expect(viaFused.history).toHaveLength(viaTfjs.history.length);
  viaTfjs.history.forEach((record, i) => {
    const fused = viaFused.history[i]!;
    expect(fused.loss).toBeCloseTo(record.loss, 3);
    expect(fused.valLoss).toBeCloseTo(record.valLoss, 3);
    expect(fused.metric).toBeCloseTo(record.metric, 3);
    expect(fused.valMetric).toBeCloseTo(record.valMetric, 3);
  });
  const [a, b] = await Promise.all([finalWeights(viaTfjs.result), finalWeights(viaFused.result)]);
  a.forEach((weights, i) => weights.forEach((value, j) => expect(b[i]![j]!).toBeCloseTo(value, 3)));
  expect(viaFused.result.tensorsAfter).toBe(viaFused.result.tensorsBefore);
}

describe.each(['scalar', 'simd'] as const)('the fused engine on its %s kernels trains exactly as tfjs does', (mode) => {
  beforeAll(() => setKernelMode(mode));
  afterAll(() => setKernelMode('auto'));

  it.each(optimizerNames)('optimizer %s, with batch normalization, binary cross-entropy', async (optimizer) => {
    const layers = [dense(6, 'tanh'), { id: 'bn', kind: 'batchNormalization' } as LayerSpec, dense(4, 'relu'), dense(1, 'sigmoid')];
    const config = testConfig({ optimizer, learningRate: optimizer === 'adadelta' ? 1 : 0.05, batchSize: 16, epochs: 3, loss: 'binaryCrossentropy' });
    await expectSameTraining(layers, { kind: 'binary' }, config, data('circle'));
  });

  it.each<[ActivationName, LossName]>([
    ['elu', 'mse'],
    ['selu', 'mae'],
    ['swish', 'huber'],
    ['sigmoid', 'mse'],
    ['linear', 'huber'],
  ])('activation %s with loss %s on a regression', async (activation, loss) => {
    const layers = [dense(8, activation), { id: 'act', kind: 'activation', activation: 'tanh' } as LayerSpec, dense(1, 'linear')];
    const config = testConfig({ optimizer: 'adam', learningRate: 0.01, batchSize: 10, epochs: 3, loss });
    await expectSameTraining(layers, { kind: 'regression' }, config, data('plane'));
  });

  it('softmax output with categorical cross-entropy, and a last partial batch', async () => {
    const layers = [dense(8, 'relu'), dense(3, 'softmax')];
    // 90 training rows in batches of 16: the sixth batch is topped up from the start of the order.
    const config = testConfig({ optimizer: 'rmsprop', learningRate: 0.01, batchSize: 16, epochs: 3, loss: 'categoricalCrossentropy' });
    await expectSameTraining(layers, { kind: 'multiclass', numClasses: 3 }, config, threeClasses());
  });

  it.each<[string, LayerSpec[]]>([
    ['valid convolutions and max pooling', [conv(4, 3, 1, 'valid'), pool(2), conv(6, 2, 1, 'valid'), { id: 'f', kind: 'flatten' }, dense(3, 'softmax')]],
    ['same padding, stride 2 and dropout', [conv(4, 3, 2, 'same'), { id: 'd', kind: 'dropout', rate: 0 }, conv(5, 3, 1, 'same'), pool(2), { id: 'f', kind: 'flatten' }, dense(8, 'relu'), dense(3, 'softmax')]],
  ])('a CNN: %s', async (_name, layers) => {
    const config = testConfig({ optimizer: 'adam', learningRate: 0.01, batchSize: 16, epochs: 3, loss: 'categoricalCrossentropy' });
    await expectSameTraining(layers, { kind: 'multiclass', numClasses: 3 }, config, images());
  });
});

describe('the fused engine', () => {
  it('runs dropout and learns the circle, ending with no tensor left', async () => {
    const layers = [dense(16, 'relu'), { id: 'drop', kind: 'dropout', rate: 0.2 } as LayerSpec, dense(8, 'relu'), dense(1, 'sigmoid')];
    const config = testConfig({ optimizer: 'adam', learningRate: 0.03, batchSize: 10, epochs: 30, loss: 'binaryCrossentropy' });
    const { history, result } = await train('fused', layers, { kind: 'binary' }, config, data('circle'));
    expect(result.outcome.kind).toBe('completed');
    expect(history.at(-1)!.valMetric).toBeGreaterThan(0.85);
    expect(result.tensorsAfter).toBe(result.tensorsBefore);
  });

  it('reports a divergence and keeps the last good weights', async () => {
    const layers = [dense(8, 'relu'), dense(1, 'linear')];
    const config = testConfig({ optimizer: 'sgd', learningRate: 1e4, batchSize: 8, epochs: 20, loss: 'mse' });
    const { result } = await train('fused', layers, { kind: 'regression' }, config, data('plane'));
    expect(result.outcome.kind).toBe('diverged');
    const weights = await finalWeights(result);
    expect(weights.every((w) => w.every(Number.isFinite))).toBe(true);
  });

  it('takes dense stacks on flat inputs and convolution stacks on images, up to a Flatten', () => {
    expect(canFuse([30], [dense(4, 'relu'), { id: 'b', kind: 'batchNormalization' }, { id: 'd', kind: 'dropout', rate: 0.5 }])).toBe(true);
    expect(canFuse([28, 28, 1], [conv(4, 3, 1, 'valid'), pool(2), { id: 'f', kind: 'flatten' }, dense(4, 'relu')])).toBe(true);
    // Dense on an image works per pixel in tfjs, and so does a softmax; batch normalization per channel.
    expect(canFuse([28, 28, 1], [dense(4, 'relu')])).toBe(false);
    expect(canFuse([8, 8, 1], [{ id: 's', kind: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'valid', activation: 'softmax' }])).toBe(false);
    expect(canFuse([8, 8, 1], [{ id: 'b', kind: 'batchNormalization' }])).toBe(false);
    expect(canFuse([2], [])).toBe(false);
  });
});
