import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../data/synthetic';
import { prepareData } from '../data/prepare';
import type { LayerSpec } from '../model/layers';
import { testConfig } from '../testing/fixtures';
import type { EpochRecord } from './protocol';
import { RunControl } from './runControl';
import { runTraining } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const layers: LayerSpec[] = [
  { id: 'a', kind: 'dense', units: 8, activation: 'tanh' },
  { id: 'b', kind: 'dense', units: 1, activation: 'sigmoid' },
];

/** Trains 4 epochs on 300 training rows with the batch size, recording each epoch's step losses. */
async function stepsOf(engine: 'tfjs' | 'fused', batchSize: number) {
  const prepared = prepareData(generate('moons', { numPoints: 400, noise: 0.2, seed: 4 }), 0.25, 5);
  const config = testConfig({ optimizer: 'sgd', learningRate: 0.1, batchSize, epochs: 4, loss: 'binaryCrossentropy', seed: 2 });
  const epochs: { record: EpochRecord; steps: Float32Array }[] = [];
  let stepsPerEpoch = 0;
  const result = await runTraining({ layers, task: { kind: 'binary' }, config, data: { ...prepared, grid: null }, engine }, new RunControl(), {
    onStart: (info) => (stepsPerEpoch = info.stepsPerEpoch),
    onEpoch: (record, _weights, steps) => epochs.push({ record, steps: steps.slice() }),
  });
  return { epochs, stepsPerEpoch, result };
}

describe.each(['tfjs', 'fused'] as const)('per-step losses on the %s engine', (engine) => {
  it('come with every epoch, one per batch, and average to the epoch’s loss', async () => {
    const { epochs, stepsPerEpoch, result } = await stepsOf(engine, 32);
    expect(stepsPerEpoch).toBe(Math.ceil(300 / 32));
    expect(epochs).toHaveLength(4);
    for (const { record, steps } of epochs) {
      expect(steps).toHaveLength(stepsPerEpoch);
      for (const value of steps) expect(Number.isFinite(value)).toBe(true);
      // Every batch has the same size (the last is filled up), so the mean of the steps is the epoch's mean.
      const mean = steps.reduce((sum, v) => sum + v, 0) / steps.length;
      expect(mean).toBeCloseTo(record.loss, 4);
    }
    // Steps differ from each other: they are each batch's own loss, not the epoch's mean repeated.
    expect(new Set(epochs[0]!.steps).size).toBeGreaterThan(1);
    expect(result.tensorsAfter).toBe(result.tensorsBefore);
  });

  it('jump more from step to step with small batches than with large ones', async () => {
    const jumps = (steps: Float32Array[]): number => {
      const all = steps.flatMap((s) => Array.from(s));
      let sum = 0;
      for (let i = 1; i < all.length; i++) sum += Math.abs(all[i]! - all[i - 1]!);
      return sum / (all.length - 1);
    };
    const small = await stepsOf(engine, 2);
    const large = await stepsOf(engine, 100);
    expect(jumps(small.epochs.map((e) => e.steps))).toBeGreaterThan(3 * jumps(large.epochs.map((e) => e.steps)));
  });
});
