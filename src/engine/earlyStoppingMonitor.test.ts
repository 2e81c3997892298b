import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../data/synthetic';
import { prepareData } from '../data/prepare';
import { defaultEarlyStopping, replayEarlyStopping, type EarlyStoppingConfig } from '../model/earlyStopping';
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
  { id: 'a', kind: 'dense', units: 16, activation: 'relu' },
  { id: 'b', kind: 'dense', units: 16, activation: 'relu' },
  { id: 'c', kind: 'dense', units: 1, activation: 'sigmoid' },
];

/** Trains noisy moons with early stopping on the given monitor; returns the history, each epoch's weights and the result. */
async function run(early: Partial<EarlyStoppingConfig>) {
  const prepared = prepareData(generate('moons', { numPoints: 160, noise: 0.5, seed: 7 }), 0.5, 7);
  const earlyStopping = { ...defaultEarlyStopping, enabled: true, patience: 3, minDelta: 0, ...early };
  const config = testConfig({ optimizer: 'adam', learningRate: 0.03, batchSize: 8, epochs: 80, loss: 'binaryCrossentropy', seed: 3, earlyStopping });
  const history: EpochRecord[] = [];
  const weights: Float32Array[] = [];
  const result = await runTraining({ layers, task: { kind: 'binary' }, config, data: { ...prepared, grid: null } }, new RunControl(), {
    onEpoch: (record, w) => {
      history.push(record);
      weights.push(w!);
    },
  });
  return { history, weights, result, earlyStopping };
}

describe('the trainer stops on the monitored quantity', () => {
  it.each([
    ['val_accuracy', { monitor: 'val_metric' }],
    ['loss with a baseline', { monitor: 'loss', baseline: 0.3 }],
    ['val_loss in mode max', { monitor: 'val_loss', mode: 'max' }],
  ] as const)('%s: stops where Keras would and restores the best epoch of that quantity', async (_name, early) => {
    const { history, weights, result, earlyStopping } = await run(early);
    const keras = replayEarlyStopping(history, earlyStopping, { kind: 'binary' });
    expect(keras.stoppedAt).not.toBeNull();
    expect(result.outcome).toEqual({ kind: 'earlyStopped', epoch: keras.stoppedAt, bestEpoch: keras.bestEpoch, restoredFrom: keras.bestEpoch });
    expect(Array.from(result.weights!)).toEqual(Array.from(weights[keras.bestEpoch - 1]!));
  });

  it('val_accuracy with min_delta 0: the restored epoch is the first of the highest, and patience epochs follow it', async () => {
    const { history, result } = await run({ monitor: 'val_metric' });
    const accuracies = history.map((r) => r.valMetric);
    const first = accuracies.indexOf(Math.max(...accuracies)) + 1;
    expect(result.outcome).toMatchObject({ kind: 'earlyStopped', epoch: first + 3, restoredFrom: first });
  });
});
