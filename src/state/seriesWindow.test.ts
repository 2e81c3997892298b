import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { inputShapeOf } from '../data/table';
import { TrainingClient } from '../engine/client';
import { FakeWorker } from '../engine/fakeWorker';
import { readSnapshot, snapshotOf } from './experimentSchema';
import { experimentProblems } from './problems';
import { createPlaygroundStore } from './store';

function setup() {
  return createPlaygroundStore({
    client: new TrainingClient('auto', () => new FakeWorker()),
    files: {
      text: (file) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
      bytes: async (file) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
    },
    parseCsv: () => Promise.reject(new Error('not in this test')),
  });
}

const ready = async (store: ReturnType<typeof setup>) => {
  for (let i = 0; i < 100 && store.getState().dataset.status !== 'ready'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  const { dataset } = store.getState();
  if (dataset.status !== 'ready') throw new Error('the data did not load');
  return dataset.table;
};

describe('choosing Sunspots and its window', () => {
  it('opens with Window 20 → LSTM(32) → Dense(1) on MAE, which validates', async () => {
    const store = setup();
    store.getState().selectDataset('sunspots');
    const table = await ready(store);
    const { layers, config } = store.getState();
    expect(inputShapeOf(table)).toEqual([20, 1]);
    expect(layers.map((layer) => layer.kind)).toEqual(['lstm', 'dense']);
    expect(config.loss).toBe('mae');
    expect(experimentProblems(table, layers, config)).toEqual([]);
  });

  it('Window and Horizon change the input shape, and a window too long for the training part is reported', async () => {
    const store = setup();
    store.getState().selectDataset('sunspots');
    await ready(store);
    store.getState().setSeriesWindow({ window: 50, horizon: 3 });
    const table = await ready(store);
    expect(table.series).toMatchObject({ window: 50, horizon: 3 });
    expect(inputShapeOf(table)).toEqual([50, 1]);
    store.getState().setSeriesWindow({ window: 300 });
    const long = await ready(store);
    expect(experimentProblems(long, store.getState().layers, store.getState().config).join(' ')).toMatch(/A window of 300 steps predicting 3 ahead leaves fewer than 2 training examples/);
  });
});

describe('a recurrent experiment is stored and shared', () => {
  it('survives the snapshot schema, Return sequences included', async () => {
    const store = setup();
    store.getState().selectDataset('sunspots');
    await ready(store);
    const lstm = store.getState().layers[0]!;
    store.getState().updateLayer(lstm.id, { returnSequences: true, units: 16 });
    store.getState().addLayer('globalAveragePooling1D');
    const snapshot = snapshotOf(store.getState());
    const read = readSnapshot(JSON.stringify(snapshot));
    expect(read.ok && read.snapshot.layers).toEqual([
      { kind: 'lstm', units: 16, activation: 'tanh', returnSequences: true },
      { kind: 'globalAveragePooling1D' },
      { kind: 'dense', units: 1, activation: 'linear' },
    ]);
    expect(experimentProblems((await ready(store)), store.getState().layers, store.getState().config)).toEqual([]);
    // A recurrent layer added later goes before the pooling, where it still gets a sequence.
    store.getState().addLayer('gru');
    expect(store.getState().layers.map((layer) => layer.kind)).toEqual(['lstm', 'gru', 'globalAveragePooling1D', 'dense']);
    const tooWide = JSON.stringify({ ...snapshot, layers: [{ kind: 'gru', units: 100_000, activation: 'tanh', returnSequences: false }] });
    expect(readSnapshot(tooWide).ok).toBe(false);
  });
});
