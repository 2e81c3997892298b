import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriesProbeSetup } from '../data/forecast';
import { prepareData } from '../data/prepare';
import { generateSeries } from '../data/seriesSources';
import type { LayerSpec } from '../model/layers';
import { defaultExperiment } from '../state/defaults';
import type { ForecastProbe, TrainingData } from './protocol';
import { RunControl } from './runControl';
import { createTfEngine } from './tf/tfEngine';
import { runTraining } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** A short noisy sine in windows of 10 steps, with the roll-out setup the page sends. */
function sineData(): { data: TrainingData; numTrain: number; numVal: number } {
  const table = generateSeries('noisySine', { length: 120, noise: 0.1, seed: 1 }, { window: 10, horizon: 1 });
  const prepared = prepareData(table, 0.2, 1, 'standard');
  return { data: { ...prepared, grid: null, series: seriesProbeSetup(table) }, numTrain: prepared.numTrain, numVal: prepared.numVal };
}

const lstm: LayerSpec[] = [
  { id: 'l', kind: 'lstm', units: 4, activation: 'tanh', returnSequences: false },
  { id: 'd', kind: 'dense', units: 1, activation: 'linear' },
];
const flatDense: LayerSpec[] = [
  { id: 'f', kind: 'flatten' },
  { id: 'd', kind: 'dense', units: 1, activation: 'linear' },
];

describe("the 'forecast' probe", () => {
  it('tfjs: a one-step prediction per training and validation window, a roll-out per validation window, no tensor left', async () => {
    const { data, numTrain, numVal } = sineData();
    const { config } = defaultExperiment('sunspots');
    const engine = await createTfEngine({ layers: lstm, task: { kind: 'regression' }, config, data, batchSize: 16 });
    const before = tf.memory().numTensors;
    const { forecast } = await engine.probe(['forecast']);
    expect(tf.memory().numTensors).toBe(before);
    expect(forecast!.train).toHaveLength(numTrain);
    expect(forecast!.validation).toHaveLength(numVal);
    expect(forecast!.rollOut).toHaveLength(numVal);
    // The first validation window holds only true values, so both forecasts agree there, and part ways after.
    expect(forecast!.rollOut![0]).toBeCloseTo(forecast!.validation[0]!, 5);
    expect(forecast!.rollOut!.some((v, i) => Math.abs(v - forecast!.validation[i]!) > 1e-4)).toBe(true);
    // Not asked for, not measured.
    expect((await engine.probe(['neurons'])).forecast).toBeNull();
    engine.dispose();
  }, 30_000);

  it('with a shuffled split: one step ahead on the held-out end too, and the roll-out from its start', async () => {
    const table = generateSeries('noisySine', { length: 120, noise: 0.1, seed: 1 }, { window: 10, horizon: 1 });
    const prepared = prepareData(table, 0.2, 1, 'standard', 'shuffled');
    const future = 'futureRows' in prepared ? (prepared.futureRows as Uint32Array).length : 0;
    expect(future).toBeGreaterThan(0);
    const data = { ...prepared, grid: null, series: seriesProbeSetup(table, prepared) };
    const { config } = defaultExperiment('sunspots');
    const engine = await createTfEngine({ layers: lstm, task: { kind: 'regression' }, config, data, batchSize: 16 });
    const before = tf.memory().numTensors;
    const { forecast } = await engine.probe(['forecast']);
    expect(tf.memory().numTensors).toBe(before);
    expect(forecast!.validation).toHaveLength(prepared.numVal);
    expect(forecast!.future).toHaveLength(future);
    expect(forecast!.rollOut).toHaveLength(future);
    // The roll-out starts from true values before the end, as the one-step forecast of the end's first window does.
    expect(forecast!.rollOut![0]).toBeCloseTo(forecast!.future![0]!, 5);
    engine.dispose();
  }, 30_000);

  it('is sent at the end of a run, on tfjs and on the JavaScript engine alike, with the same numbers of points', async () => {
    const { data, numTrain, numVal } = sineData();
    const { config } = defaultExperiment('sunspots');
    for (const [layers, engine] of [[lstm, 'tfjs'], [flatDense, 'fused']] as const) {
      const probes: ForecastProbe[] = [];
      const copy: TrainingData = { ...data, xTrain: data.xTrain.slice(), yTrain: data.yTrain.slice(), xVal: data.xVal.slice(), yVal: data.yVal.slice() };
      const result = await runTraining({ layers, task: { kind: 'regression' }, config: { ...config, epochs: 2, batchSize: 16 }, data: copy, engine }, new RunControl(), {
        onEpoch: () => undefined,
        onProbe: (_epoch, probe) => {
          if (probe.forecast) probes.push(probe.forecast);
        },
      });
      expect(result.outcome.kind).toBe('completed');
      expect(result.tensorsAfter).toBe(result.tensorsBefore);
      expect(probes.length).toBeGreaterThanOrEqual(1);
      const last = probes.at(-1)!;
      expect([last.train.length, last.validation.length, last.rollOut?.length]).toEqual([numTrain, numVal, numVal]);
      expect(last.rollOut!.every(Number.isFinite)).toBe(true);
    }
  }, 60_000);

  it('has no roll-out when the inputs are not the predicted column alone', async () => {
    const { data, numTrain } = sineData();
    const { config } = defaultExperiment('sunspots');
    const engine = await createTfEngine({ layers: flatDense, task: { kind: 'regression' }, config, data: { ...data, series: { horizon: 1, feedback: false } }, batchSize: 16 });
    const { forecast } = await engine.probe(['forecast']);
    expect(forecast!.train).toHaveLength(numTrain);
    expect(forecast!.rollOut).toBeNull();
    engine.dispose();
  });
});
