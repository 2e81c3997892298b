import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, type FileSource } from '../data/datasets';
import { prepareData } from '../data/prepare';
import { naiveForecastMae } from '../data/series';
import { defaultExperiment } from '../state/defaults';
import type { EpochRecord } from './protocol';
import { RunControl } from './runControl';
import { runTraining } from './trainer';

const files: FileSource = {
  text: (file) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
  bytes: async (file) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
};

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('a time series trains end to end', () => {
  it('sunspots, Window 20 → LSTM(32) → Dense(1) on MAE: the loss falls and no tensor is left', async () => {
    const table = await loadDataset('sunspots', files);
    const { layers, config } = defaultExperiment('sunspots');
    expect(layers.map((layer) => layer.kind)).toEqual(['lstm', 'dense']);
    const run = { ...config, epochs: 4 };
    const data = { ...prepareData(table, run.validationSplit, run.seed, run.scaling), grid: null };
    expect(data.inputShape).toEqual([20, 1]);
    const history: EpochRecord[] = [];
    const result = await runTraining({ layers, task: table.task, config: run, data }, new RunControl(), { onEpoch: (record) => history.push(record) });
    expect(result.outcome.kind).toBe('completed');
    expect(history).toHaveLength(4);
    expect(history[3]!.loss).toBeLessThan(history[0]!.loss);
    expect(result.tensorsAfter).toBe(result.tensorsBefore);
    // The bar the Forecast view will show: the naive forecast's validation MAE, in sunspots and in scaled units.
    const naive = naiveForecastMae(table, run.validationSplit, run.scaling);
    expect(naive.mae).toBeGreaterThan(5);
    expect(naive.scaledMae).toBeGreaterThan(0);
  }, 60_000);
});
