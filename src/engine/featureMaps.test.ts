import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayerSpec } from '../model/layers';
import { testConfig } from '../testing/fixtures';
import type { TrainingEngine } from './engine';
import { FinishedModel } from './finishedModel';
import { createFusedEngine } from './fused/fusedEngine';
import type { TrainingData } from './protocol';
import { createTfEngine, type EngineRequest } from './tf/tfEngine';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

// A 4×4 image through Conv2D(2 filters, 3×3, valid, relu) → MaxPooling2D(2) → Flatten → Dense(1, sigmoid), weights by hand.
const layers: LayerSpec[] = [
  { id: 'c', kind: 'conv2d', filters: 2, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
  { id: 'p', kind: 'maxPooling2d', poolSize: 2 },
  { id: 'f', kind: 'flatten' },
  { id: 'o', kind: 'dense', units: 1, activation: 'sigmoid' },
];
const image = [0, 1, 2, 3, 1, 0, 1, 0, 2, 2, 0, 1, 0, 3, 1, 1].map((v) => v / 4);
// Filter 0 finds a vertical edge (left minus right); filter 1 sums the centre cross.
const edge = [1, 0, -1, 1, 0, -1, 1, 0, -1];
const cross = [0, 1, 0, 1, 1, 1, 0, 1, 0];
/** Kernel laid out as tfjs's [height, width, inChannels, filters]. */
const kernel = edge.flatMap((e, i) => [e, cross[i]!]);
const bias = [0.1, -0.5];
const W = [2, -1];
const b = [0.25];

/** Conv, pool and dense outputs, computed by hand from the definitions. */
function handComputed(): { conv: number[]; pool: number[]; output: number } {
  const conv: number[] = [];
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      for (let f = 0; f < 2; f++) {
        let sum = bias[f]!;
        for (let di = 0; di < 3; di++) for (let dj = 0; dj < 3; dj++) sum += image[(i + di) * 4 + j + dj]! * kernel[(di * 3 + dj) * 2 + f]!;
        conv.push(Math.max(0, sum));
      }
    }
  }
  const pool = [0, 1].map((f) => Math.max(conv[f]!, conv[2 + f]!, conv[4 + f]!, conv[6 + f]!));
  const output = 1 / (1 + Math.exp(-(pool[0]! * W[0]! + pool[1]! * W[1]! + b[0]!)));
  return { conv, pool, output };
}

function request(): EngineRequest {
  const data: TrainingData = {
    xTrain: Float32Array.from([...image, ...image]),
    yTrain: Float32Array.of(0, 1),
    xVal: Float32Array.from(image),
    yVal: Float32Array.of(1),
    inputShape: [4, 4, 1],
    targetSize: 1,
    grid: null,
  };
  return {
    layers,
    task: { kind: 'binary' },
    config: testConfig({ loss: 'binaryCrossentropy' }),
    data,
    batchSize: 2,
    startWeights: [kernel, bias, W, b].map((values) => Float32Array.from(values)),
  };
}

const expectClose = (actual: ArrayLike<number>, expected: readonly number[]) => {
  expect(actual.length).toBe(expected.length);
  Array.from(actual).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
};

describe.each([
  ['tfjs', createTfEngine],
  ['fused', createFusedEngine],
] as const)('the feature-map probe on the %s engine', (_name, create) => {
  it('gives each conv, pooling and dense layer’s output for the image, as computed by hand', async () => {
    const before = tf.memory().numTensors;
    const engine: TrainingEngine = await create(request());
    try {
      const { featureMaps } = await engine.probe(['featureMaps'], { id: 7, values: Float32Array.from(image) });
      expect(featureMaps?.inputId).toBe(7);
      expect(featureMaps?.layers.map((layer) => [layer.layerIndex, layer.shape])).toEqual([
        [0, [2, 2, 2]],
        [1, [1, 1, 2]],
        [3, [1]],
      ]);
      const expected = handComputed();
      expectClose(featureMaps!.layers[0]!.values, expected.conv);
      expectClose(featureMaps!.layers[1]!.values, expected.pool);
      expectClose(featureMaps!.layers[2]!.values, [expected.output]);
      expectClose(featureMaps!.output, [expected.output]);
      // Each buffer is its own, so the probe event can transfer them all.
      expect(featureMaps!.output.buffer).not.toBe(featureMaps!.layers[2]!.values.buffer);
      // Not asked for, without an input, or with one of another size: none.
      expect((await engine.probe(['neurons'], { id: 1, values: Float32Array.from(image) })).featureMaps ?? null).toBeNull();
      expect((await engine.probe(['featureMaps'], null)).featureMaps ?? null).toBeNull();
      expect((await engine.probe(['featureMaps'], { id: 2, values: new Float32Array(3) })).featureMaps ?? null).toBeNull();
    } finally {
      engine.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('a finished run’s model', () => {
  it('gives the same feature maps after the run, and leaves no tensor behind once disposed', async () => {
    const engine = await createTfEngine(request());
    const saved = await engine.serialize();
    engine.dispose();
    const before = tf.memory().numTensors;
    const finished = new FinishedModel(3, 5, layers, saved);
    const maps = await finished.featureMaps({ id: 9, values: Float32Array.from(image) });
    const expected = handComputed();
    expectClose(maps!.layers[0]!.values, expected.conv);
    expectClose(maps!.output, [expected.output]);
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    finished.dispose();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(tf.memory().numTensors).toBe(before);
    expect(await finished.featureMaps({ id: 10, values: Float32Array.from(image) })).toBeNull();
  });
});
