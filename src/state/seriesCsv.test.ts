import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { describeColumns } from '../data/columns';
import { parseCsvText } from '../data/csvParse';
import { inputShapeOf } from '../data/table';
import { detectTimeColumns } from '../data/timeColumn';
import { TrainingClient } from '../engine/client';
import type { ParsedUpload } from '../engine/csvProtocol';
import { FakeWorker } from '../engine/fakeWorker';
import { readSnapshot, snapshotOf } from './experimentSchema';
import { experimentProblems } from './problems';
import { experimentHash, readExperimentHash } from './share';
import { createPlaygroundStore, type PlaygroundStore } from './store';

function memoryStorage(): StateStorage & { data: Record<string, string> } {
  const data: Record<string, string> = {};
  return {
    data,
    getItem: (name) => data[name] ?? null,
    setItem: (name, value) => {
      data[name] = value;
    },
    removeItem: (name) => {
      delete data[name];
    },
  };
}

/** Parses as the CSV worker does. */
async function parseLikeWorker(file: Blob): Promise<ParsedUpload> {
  const parsed = parseCsvText(await file.text());
  if (!parsed.ok) return parsed;
  const columns = describeColumns(parsed.raw);
  return { ok: true, raw: parsed.raw, columns, timeColumns: detectTimeColumns(parsed.raw, columns) };
}

const makeStore = (options: { storage?: StateStorage; hash?: string } = {}) =>
  createPlaygroundStore({
    client: new TrainingClient('auto', () => new FakeWorker()),
    files: {
      text: (file) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
      bytes: async (file) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
    },
    parseCsv: parseLikeWorker,
    ...options,
  });

async function ready(store: PlaygroundStore) {
  for (let i = 0; i < 200 && store.getState().dataset.status === 'loading'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  const { dataset } = store.getState();
  if (dataset.status !== 'ready') throw new Error(dataset.status === 'error' ? dataset.message : 'the data did not load');
  return dataset.table;
}

/** 60 months, newest first: a date, rain, a shop's name, and sales. */
const shopCsv = `date,rain,shop,sales\n${Array.from({ length: 60 }, (_, k) => {
  const i = 59 - k;
  return `${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},${(i * 7) % 11},${i % 2 ? 'north' : 'south'},${100 + i}`;
}).join('\n')}\n`;

describe('an uploaded CSV with a date column, forecast as a series', () => {
  it('is offered as a series, trains as one once chosen, and goes back to a table', async () => {
    const store = makeStore();
    await store.getState().uploadCsv(new Blob([shopCsv]), 'shops.csv');
    const custom = store.getState().custom!;
    expect(custom.timeColumns).toEqual([{ name: 'date', format: 'month', example: '2014-12' }]);
    expect((await ready(store)).modality).toBe('tabular');

    store.getState().setColumnPlan({ time: 'date' });
    const table = await ready(store);
    // Text columns are left out of the inputs; the predicted column is one of them.
    expect(store.getState().custom!.plan).toMatchObject({ time: 'date', target: 'sales', ignored: ['shop'], task: { kind: 'regression' } });
    expect(table).toMatchObject({ modality: 'series', featureNames: ['rain', 'sales'], series: { window: 20, horizon: 1, timeName: 'date' } });
    expect(table.series!.times![0]).toBe('2010-01');
    expect(Array.from(table.targets.slice(0, 3))).toEqual([100, 101, 102]);
    const { layers, config } = store.getState();
    expect(layers.map((layer) => layer.kind)).toEqual(['lstm', 'dense']);
    expect(config.loss).toBe('mae');
    expect(experimentProblems(table, layers, config)).toEqual([]);

    // Window and Horizon apply to it as to a shipped series.
    store.getState().setSeriesWindow({ window: 8, horizon: 2 });
    expect(inputShapeOf(await ready(store))).toEqual([8, 2]);

    // The inputs are the person's to choose: without the target's own past, rain alone.
    store.getState().setColumnPlan({ ignored: ['shop', 'sales'] });
    expect(inputShapeOf(await ready(store))).toEqual([8, 1]);
    store.getState().setColumnPlan({ ignored: ['shop', 'sales', 'rain'] });
    expect(store.getState().dataset).toEqual({ status: 'error', message: expect.stringMatching(/^No column is an input/) });
    store.getState().setColumnPlan({ ignored: ['sales'] });
    expect(store.getState().dataset).toEqual({ status: 'error', message: expect.stringMatching(/^"shop" holds text/) });

    store.getState().setColumnPlan({ time: null });
    expect((await ready(store)).modality).toBe('tabular');
    expect(store.getState().layers.map((layer) => layer.kind)).toEqual(['dense', 'dense', 'dense']);
  });

  it('is refused in plain words when its times repeat', async () => {
    const store = makeStore();
    await store.getState().uploadCsv(new Blob([shopCsv.replace('2014-11', '2014-12')]), 'shops.csv');
    store.getState().setColumnPlan({ time: 'date' });
    expect(store.getState().dataset).toEqual({
      status: 'error',
      message: 'Rows 2 and 3 have the same time in "date" (2014-12); a series needs one row per time step.',
    });
  });
});

describe('Window and Horizon are kept with the experiment', () => {
  it('survive a reload and apply when the series loads', async () => {
    const storage = memoryStorage();
    const first = makeStore({ storage });
    first.getState().selectDataset('co2');
    await ready(first);
    first.getState().setSeriesWindow({ window: 30, horizon: 3 });
    const second = makeStore({ storage });
    expect(second.getState().seriesWindow).toEqual({ window: 30, horizon: 3 });
    expect((await ready(second)).series).toMatchObject({ window: 30, horizon: 3 });
  });

  it('travel in a link, and other data opens with the default window', async () => {
    const first = makeStore();
    first.getState().selectDataset('sine');
    await ready(first);
    first.getState().setSeriesWindow({ window: 12 });
    const hash = experimentHash(snapshotOf(first.getState())!);
    const read = readExperimentHash(hash);
    expect(read.kind === 'experiment' && read.snapshot.seriesWindow).toEqual({ window: 12, horizon: 1 });
    const opened = makeStore({ hash });
    expect(inputShapeOf(await ready(opened))).toEqual([12, 1]);
    opened.getState().selectDataset('sunspots');
    expect((await ready(opened)).series).toMatchObject({ window: 20, horizon: 1 });
    expect(snapshotOf(opened.getState())).not.toHaveProperty('seriesWindow');
  });

  it('default to 20 steps and the next one for states and links stored before they were kept', async () => {
    const store = makeStore();
    store.getState().selectDataset('sunspots');
    await ready(store);
    const old = { ...snapshotOf(store.getState())! };
    expect(old).not.toHaveProperty('seriesWindow');
    const storage = memoryStorage();
    storage.setItem('nn-playground', JSON.stringify({ state: { experiment: old, runs: [], compared: [] }, version: 1 }));
    const reloaded = makeStore({ storage });
    expect(reloaded.getState().notices).toEqual([]);
    expect((await ready(reloaded)).series).toMatchObject({ window: 20, horizon: 1 });
    const linked = makeStore({ hash: experimentHash(old) });
    expect(linked.getState().datasetId).toBe('sunspots');
    expect((await ready(linked)).series).toMatchObject({ window: 20, horizon: 1 });
  });

  it('are checked like the rest of a stored or shared experiment', () => {
    const base = { ...snapshotOf({ datasetId: 'sine', synthetic: null, layers: [{ id: 'a', kind: 'dense', units: 1, activation: 'linear' }], config: makeStore().getState().config, dropoutRate: 0.2 })! };
    for (const seriesWindow of [{ window: 0, horizon: 1 }, { window: 2.5, horizon: 1 }, { window: 20, horizon: 5000 }, { window: '20', horizon: 1 }]) {
      expect(readSnapshot(JSON.stringify({ ...base, seriesWindow })).ok, JSON.stringify(seriesWindow)).toBe(false);
    }
    expect(readSnapshot(JSON.stringify({ ...base, seriesWindow: { window: 60, horizon: 12 } })).ok).toBe(true);
  });
});
