import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareData } from '../../data/prepare';
import { generate } from '../../data/synthetic';
import type { Table } from '../../data/table';
import type { LayerSpec } from '../../model/layers';
import { lossNames, losses, type LossName } from '../../model/losses';
import { optimizerNames } from '../../model/optimizers';
import type { TaskSpec } from '../../model/task';
import { testConfig } from '../../testing/fixtures';
import type { EpochRecord } from '../protocol';
import { RunControl } from '../runControl';
import { runTraining } from '../trainer';
import { createOptimizer, disposeOptimizer } from './createOptimizer';
import { setLearningRate } from './learningRate';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A small table for each task: the circle's label, its radius (regression), or its quadrant (3 classes). */
function tableFor(task: TaskSpec): Table {
  const circle = generate('circle', { numPoints: 120, noise: 0.1, seed: 4 });
  if (task.kind === 'binary') return circle;
  const targets = new Float32Array(circle.numRows);
  for (let i = 0; i < circle.numRows; i++) {
    const [x, y] = [circle.features[2 * i]!, circle.features[2 * i + 1]!];
    targets[i] = task.kind === 'regression' ? Math.hypot(x, y) : x < 0 ? 0 : y < 0 ? 1 : 2;
  }
  return { ...circle, targets, task };
}

const taskOf = (loss: LossName): TaskSpec => {
  const kind = losses[loss].tasks[0]!;
  return kind === 'multiclass' ? { kind, numClasses: 3 } : { kind };
};

const outputFor = (task: TaskSpec): LayerSpec => ({
  id: 'out',
  kind: 'dense',
  units: task.kind === 'multiclass' ? 3 : 1,
  activation: task.kind === 'regression' ? 'linear' : task.kind === 'binary' ? 'sigmoid' : 'softmax',
});

async function oneEpoch(optimizer: (typeof optimizerNames)[number], loss: LossName) {
  const task = taskOf(loss);
  const data = { ...prepareData(tableFor(task), 0.25, 1), grid: null };
  const before = tf.memory().numTensors;
  const history: EpochRecord[] = [];
  const result = await runTraining(
    {
      layers: [{ id: 'h', kind: 'dense', units: 6, activation: 'tanh' }, outputFor(task)],
      task,
      config: testConfig({ optimizer, loss, learningRate: 0.01, batchSize: 10, epochs: 1 }),
      data,
    },
    new RunControl(),
    { onEpoch: (record) => history.push(record) },
  );
  return { result, history, before };
}

describe('every optimizer and every loss trains one epoch on the CPU backend', () => {
  for (const optimizer of optimizerNames) {
    it(`optimizer ${optimizer}`, async () => {
      const { result, history, before } = await oneEpoch(optimizer, 'mse');
      expect(result.outcome.kind).toBe('completed');
      expect(history).toHaveLength(1);
      expect(Number.isFinite(history[0]!.loss)).toBe(true);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
  for (const loss of lossNames) {
    it(`loss ${loss}`, async () => {
      const { result, history, before } = await oneEpoch('adam', loss);
      expect(result.outcome.kind).toBe('completed');
      expect(history[0]!.loss).toBeGreaterThan(0);
      expect(Number.isFinite(history[0]!.valLoss)).toBe(true);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('a learning-rate change applies from the next step', () => {
  for (const name of optimizerNames) {
    it(`${name}: rate 0 freezes the weight at once, a new rate moves it again`, () => {
      const w = tf.variable(tf.tensor1d([1, -2, 3]));
      const optimizer = createOptimizer(name, 0.1);
      const step = () => optimizer.minimize(() => tf.sum(tf.square(w)) as tf.Scalar);
      const read = () => Array.from(w.dataSync());
      step();
      const afterFirst = read();
      expect(afterFirst).not.toEqual([1, -2, 3]);
      setLearningRate(optimizer, 0);
      step();
      expect(read()).toEqual(afterFirst);
      setLearningRate(optimizer, 0.5);
      step();
      expect(read()).not.toEqual(afterFirst);
      disposeOptimizer(optimizer);
      w.dispose();
    });
  }

  it('during a run, from the batch after it was asked for, and reported with its epoch', async () => {
    const data = { ...prepareData(tableFor({ kind: 'regression' }), 0.25, 1), grid: null };
    const control = new RunControl(0);
    const rates: [number, number][] = [];
    const weights: Float32Array[] = [];
    await runTraining(
      {
        layers: [outputFor({ kind: 'regression' })],
        task: { kind: 'regression' },
        config: testConfig({ optimizer: 'adam', learningRate: 0.1, batchSize: 10, epochs: 3 }),
        data,
      },
      control,
      {
        onEpoch: (record, w) => {
          weights.push(w!);
          // Freeze training from the first batch of epoch 2 on.
          if (record.epoch === 1) control.setLearningRate(0);
        },
        onLearningRate: (epoch, rate) => rates.push([epoch, rate]),
      },
    );
    expect(rates).toEqual([[2, 0]]);
    expect(Array.from(weights[2]!)).toEqual(Array.from(weights[0]!));
  });
});
