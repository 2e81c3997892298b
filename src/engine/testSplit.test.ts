import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareData } from '../data/prepare';
import { generate } from '../data/synthetic';
import type { LayerSpec } from '../model/layers';
import { testConfig } from '../testing/fixtures';
import type { EpochRecord, TrainingData } from './protocol';
import { RunControl } from './runControl';
import { runTraining, type RunRequest } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const table = generate('circle', { numPoints: 240, noise: 0.1, seed: 11 });
const prepared = prepareData(table, 0.25, 5, 'standard', 'chronological', 0.2);

/** The run's arrays, fresh each time (a run may keep what it is given). */
const data = (test: 'clean' | 'poisoned' | 'none'): TrainingData => {
  const base = { ...prepared, xTrain: prepared.xTrain.slice(), yTrain: prepared.yTrain.slice(), xVal: prepared.xVal.slice(), yVal: prepared.yVal.slice(), grid: null };
  if (test === 'none') return { ...base, xTest: null, yTest: null };
  if (test === 'clean') return { ...base, xTest: prepared.xTest!.slice(), yTest: prepared.yTest!.slice() };
  // Values that would turn any loss or weight they reached into NaN.
  return { ...base, xTest: prepared.xTest!.map(() => Number.NaN), yTest: prepared.yTest!.map(() => Number.NaN) };
};

const layers: LayerSpec[] = [
  { id: 'a', kind: 'dense', units: 8, activation: 'tanh' },
  { id: 'b', kind: 'dense', units: 1, activation: 'sigmoid' },
];

const config = testConfig({
  optimizer: 'adam',
  learningRate: 0.03,
  batchSize: 16,
  epochs: 60,
  loss: 'binaryCrossentropy',
  seed: 3,
  testSplit: 0.2,
  // Early stopping that stops and restores on this run, so its choice is part of what must not move.
  earlyStopping: { enabled: true, patience: 2, minDelta: 0.05, restoreBestWeights: true },
});

const run = async (engine: RunRequest['engine'], test: 'clean' | 'poisoned' | 'none') => {
  const history: EpochRecord[] = [];
  const request: RunRequest = { layers, task: { kind: 'binary' }, config, data: data(test), engine };
  const result = await runTraining(request, new RunControl(0), { onEpoch: (record) => history.push({ ...record, ms: 0 }) });
  return { history, result };
};

/** Binary cross-entropy and accuracy of outputs against 0/1 targets, as Keras computes them. */
const measured = (p: Float32Array, y: Float32Array): { loss: number; metric: number } => {
  let loss = 0;
  let hits = 0;
  const eps = 1e-7;
  p.forEach((raw, i) => {
    const q = Math.min(1 - eps, Math.max(eps, raw));
    loss -= y[i]! * Math.log(q) + (1 - y[i]!) * Math.log(1 - q);
    hits += (raw >= 0.5 ? 1 : 0) === y[i] ? 1 : 0;
  });
  return { loss: loss / p.length, metric: hits / p.length };
};

describe.each(['tfjs', 'fused'] as const)('the test rows on the %s engine', (engine) => {
  it('never reach training, early stopping or the final weights, and are measured once at the end', async () => {
    const clean = await run(engine, 'clean');
    const poisoned = await run(engine, 'poisoned');
    const none = await run(engine, 'none');
    // Poisoned test rows change nothing a run reports or keeps: the history, early stopping's choice, the weights.
    expect(poisoned.history).toEqual(clean.history);
    expect(none.history).toEqual(clean.history);
    expect(clean.history.every((record) => Number.isFinite(record.loss) && Number.isFinite(record.valLoss))).toBe(true);
    expect(poisoned.result.outcome).toEqual(clean.result.outcome);
    expect(none.result.outcome).toEqual(clean.result.outcome);
    expect(clean.result.outcome.kind).toBe('earlyStopped');
    expect(Array.from(poisoned.result.weights!)).toEqual(Array.from(clean.result.weights!));
    // Only the one evaluation at the end saw them: the poison shows up there and nowhere else.
    expect(none.result.test).toBeNull();
    expect(poisoned.result.test!.loss).toBeNaN();
    const test = clean.result.test!;
    expect(test.predictions.length).toBe(prepared.testRows!.length);
    const expected = measured(test.predictions, prepared.yTest!);
    expect(test.loss).toBeCloseTo(expected.loss, 4);
    expect(test.metric).toBeCloseTo(expected.metric, 5);
    expect(test.metric).toBeGreaterThan(0.6);
    expect(clean.result.tensorsAfter).toBe(clean.result.tensorsBefore);
  });
});

it('gives no test result for a run that diverged', async () => {
  const linear: LayerSpec[] = [{ id: 'a', kind: 'dense', units: 8, activation: 'linear' }, { id: 'b', kind: 'dense', units: 1, activation: 'linear' }];
  const diverging = { ...config, loss: 'mse' as const, learningRate: 50, optimizer: 'sgd' as const, earlyStopping: { ...config.earlyStopping, enabled: false } };
  const request: RunRequest = { layers: linear, task: { kind: 'binary' }, config: diverging, data: data('clean') };
  const result = await runTraining(request, new RunControl(0), { onEpoch: () => undefined });
  expect(result.outcome.kind).toBe('diverged');
  expect(result.test).toBeNull();
});
