import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KernelRegularizer, LayerSpec } from '../model/layers';
import { addPenaltyGradient, kernelPenalty } from '../model/regularizers';
import { testConfig } from '../testing/fixtures';
import { createFusedEngine } from './fused/fusedEngine';
import { RunControl } from './runControl';
import { buildModel } from './tf/buildModel';
import { createTfEngine } from './tf/tfEngine';
import { lossFunctions, withPenalties } from './tf/objectives';
import { deserializeModel, serializeModel } from './tf/serialize';
import { topologyToLayers } from '../model/file/topology';
import keras from './regularization.keras.json';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const layersWith = (kernelRegularizer: KernelRegularizer): LayerSpec[] => [
  { id: 'a', kind: 'dense', units: 5, activation: 'tanh', kernelRegularizer },
  { id: 'b', kind: 'dense', units: 1, activation: 'sigmoid', kernelRegularizer },
];

/** Trains from the fixture's weights as scripts/regularizationKeras.py does: full-batch SGD, three epochs. */
async function train(engine: 'tfjs' | 'fused', regularizer: KernelRegularizer) {
  const data = {
    xTrain: Float32Array.from(keras.xTrain),
    yTrain: Float32Array.from(keras.yTrain),
    xVal: Float32Array.from(keras.xVal),
    yVal: Float32Array.from(keras.yVal),
    inputShape: [3],
    targetSize: 1,
    grid: null,
  };
  const request = {
    layers: layersWith(regularizer),
    task: { kind: 'binary' } as const,
    config: testConfig({ optimizer: 'sgd', learningRate: keras.learningRate, batchSize: 12, loss: 'binaryCrossentropy' }),
    data,
    batchSize: 12,
    startWeights: keras.start.map((w) => Float32Array.from(w)),
  };
  const trainer = engine === 'fused' ? await createFusedEngine(request) : await createTfEngine(request);
  const order = Uint32Array.from({ length: 12 }, (_, i) => i);
  const logs: [number, number][] = [];
  const weights: Float32Array[][] = [];
  for (let epoch = 0; epoch < 3; epoch++) {
    await trainer.trainEpoch(order, new RunControl(), () => undefined);
    const stats = await trainer.report(false, false, false);
    logs.push([stats.loss, stats.valLoss]);
    weights.push(await trainer.exportWeights());
  }
  trainer.dispose();
  return { logs, weights };
}

describe.each(['tfjs', 'fused'] as const)('weight penalties on the %s engine', (engine) => {
  it.each(keras.cases)('$name: loss, val_loss and the weights after each step are Keras 3’s', async ({ regularizer, logs, weights }) => {
    const before = tf.memory().numTensors;
    const run = await train(engine, regularizer);
    run.logs.forEach(([loss, valLoss], epoch) => {
      expect(loss).toBeCloseTo(logs[epoch]![0]!, 5);
      expect(valLoss).toBeCloseTo(logs[epoch]![1]!, 5);
    });
    run.weights.forEach((arrays, epoch) =>
      arrays.forEach((values, i) => values.forEach((value, j) => expect(value).toBeCloseTo(weights[epoch]![i]![j]!, 5))),
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the penalty and its gradient', () => {
  const w = Float32Array.of(0.5, -0.25, 0, 2);
  const strengths = { l1: 0.03, l2: 0.1 };

  it('is λ1·Σ|w| + λ2·Σw², no ½', () => {
    expect(kernelPenalty(w, strengths)).toBeCloseTo(0.03 * 2.75 + 0.1 * (0.25 + 0.0625 + 4), 10);
  });

  it('adds λ1·sign(w) + 2·λ2·w to the gradient, as tfjs differentiates tf.regularizers.l1l2', () => {
    const grad = new Float32Array(4).fill(1);
    addPenaltyGradient(w, grad, strengths);
    const variable = tf.variable(tf.tensor1d(w));
    const { grads } = tf.variableGrads(() => tf.regularizers.l1l2(strengths).apply(variable) as tf.Scalar, [variable]);
    const expected = grads[variable.name]!.dataSync();
    grad.forEach((value, i) => expect(value).toBeCloseTo(1 + expected[i]!, 6));
    tf.dispose([variable, ...Object.values(grads)]);
  });

  it('is in the tfjs loss only where a layer has one', () => {
    const plain = buildModel([3], [{ id: 'a', kind: 'dense', units: 1, activation: 'linear' }], 1);
    expect(withPenalties(plain, lossFunctions.mse)).toBe(lossFunctions.mse);
    plain.dispose();
  });
});

describe('the exported model', () => {
  it('carries the penalty in its topology as tfjs writes it, and loads back with it', async () => {
    const layers = layersWith({ l1: 0, l2: 0.05 });
    const model = buildModel([3], layers, 1);
    const saved = await serializeModel(model);
    const topology = saved.modelTopology as { config: { layers: { config: Record<string, unknown> }[] } };
    expect(topology.config.layers[0]!.config.kernel_regularizer).toEqual({ class_name: 'L1L2', config: { l1: 0, l2: 0.05 } });
    const read = topologyToLayers(saved.modelTopology);
    expect(read.ok && read.layers.map((layer) => ('kernelRegularizer' in layer ? layer.kernelRegularizer : null))).toEqual([
      { l1: 0, l2: 0.05 },
      { l1: 0, l2: 0.05 },
    ]);
    const loaded = await deserializeModel(saved);
    expect(loaded.layers.map((layer) => layer.losses.length)).toEqual([1, 1]);
    model.dispose();
    loaded.dispose();
  });
});

describe('a Conv2D kernel’s penalty', () => {
  it('trains alike on both engines (loss, val_loss and weights)', async () => {
    const layers: LayerSpec[] = [
      { id: 'c', kind: 'conv2d', filters: 2, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu', kernelRegularizer: { l1: 0.01, l2: 0.05 } },
      { id: 'f', kind: 'flatten' },
      { id: 'o', kind: 'dense', units: 1, activation: 'sigmoid' },
    ];
    const pixels = (rows: number, offset: number) => Float32Array.from({ length: rows * 16 }, (_, i) => Math.sin(i * 0.7 + offset));
    const data = { xTrain: pixels(8, 0), yTrain: Float32Array.from({ length: 8 }, (_, i) => i % 2), xVal: pixels(4, 1), yVal: Float32Array.of(0, 1, 1, 0), inputShape: [4, 4, 1], targetSize: 1, grid: null };
    const config = testConfig({ optimizer: 'sgd', learningRate: 0.3, batchSize: 8, loss: 'binaryCrossentropy' });
    const runOn = async (engine: 'tfjs' | 'fused', stack = layers) => {
      const request = { layers: stack, task: { kind: 'binary' } as const, config, data, batchSize: 8 };
      const trainer = engine === 'fused' ? await createFusedEngine(request) : await createTfEngine(request);
      const initial = (await trainer.exportWeights())[0]!;
      const logs: number[] = [];
      for (let epoch = 0; epoch < 3; epoch++) {
        await trainer.trainEpoch(Uint32Array.from({ length: 8 }, (_, i) => i), new RunControl(), () => undefined);
        const stats = await trainer.report(false, false, false);
        logs.push(stats.loss, stats.valLoss);
      }
      const weights = await trainer.exportWeights();
      trainer.dispose();
      return { logs, weights, initial };
    };
    const [tfjs, fused] = [await runOn('tfjs'), await runOn('fused')];
    fused.logs.forEach((value, i) => expect(value).toBeCloseTo(tfjs.logs[i]!, 5));
    fused.weights[0]!.forEach((value, i) => expect(value).toBeCloseTo(tfjs.weights[0]![i]!, 5));
    // One full batch: the first epoch's loss is the unpenalized run's plus the penalty at the initial kernel.
    const { kernelRegularizer: _penalty, ...plainConv } = layers[0] as Extract<LayerSpec, { kind: 'conv2d' }>;
    const plain = await runOn('tfjs', [plainConv, ...layers.slice(1)]);
    expect(tfjs.logs[0]! - plain.logs[0]!).toBeCloseTo(kernelPenalty(tfjs.initial, { l1: 0.01, l2: 0.05 }), 5);
  });
});
