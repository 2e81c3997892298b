import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { prepareData } from '../data/prepare';
import { TrainingClient } from '../engine/client';
import { FakeWorker } from '../engine/fakeWorker';
import { playgroundBlockSchema } from '../model/file/schema';
import { readSnapshot, snapshotOf } from './experimentSchema';
import { exportMetaFor } from './exportMeta';
import { experimentProblems } from './problems';
import { experimentHash } from './share';
import { createPlaygroundStore } from './store';

const memoryStorage = (): StateStorage => {
  const data: Record<string, string> = {};
  return { getItem: (name) => data[name] ?? null, setItem: (name, value) => void (data[name] = value), removeItem: (name) => void delete data[name] };
};

const makeStore = (storage: StateStorage = memoryStorage(), hash = '') =>
  createPlaygroundStore({
    client: new TrainingClient('auto', () => new FakeWorker()),
    files: {
      text: (file) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
      bytes: async (file) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
    },
    parseCsv: async () => ({ ok: false, message: 'not used' }),
    storage,
    hash,
  });

const readyTable = (store: ReturnType<typeof makeStore>) => {
  const dataset = store.getState().dataset;
  if (dataset.status !== 'ready') throw new Error(`dataset is ${dataset.status}`);
  return dataset.table;
};

describe('the input features of a 2-D set', () => {
  it('build the table the model trains on from the chosen features; the points stay where they were', () => {
    const store = makeStore();
    store.getState().selectDataset('circle');
    const plain = readyTable(store);
    expect(plain.featureNames).toEqual(['x1', 'x2']);
    store.getState().setSyntheticOptions({ features: ['x1²', 'x2²'] });
    const table = readyTable(store);
    expect(table.featureNames).toEqual(['x1²', 'x2²']);
    expect(table.plane).toEqual(plain.features);
    expect(table.features[0]).toBeCloseTo(plain.features[0]! ** 2, 4);
    expect(table.features[1]).toBeCloseTo(plain.features[1]! ** 2, 4);
    // New points keep the features; another dataset starts from x1, x2 again.
    store.getState().setSyntheticOptions({ noise: 0.5 });
    expect(readyTable(store).featureNames).toEqual(['x1²', 'x2²']);
    store.getState().selectDataset('xor');
    expect(readyTable(store).featureNames).toEqual(['x1', 'x2']);
    expect(store.getState().synthetic?.features).toBeUndefined();
  });

  it('with none ticked, give a reason in words and train nothing', async () => {
    const store = makeStore();
    store.getState().selectDataset('circle');
    store.getState().setSyntheticOptions({ features: [] });
    const { layers, config } = store.getState();
    const problems = experimentProblems(readyTable(store), layers, config);
    expect(problems).toContain('No input feature is ticked: tick at least one under "Input features" (x1 and x2 are the point itself).');
    await store.getState().train();
    expect(store.getState().run.phase).toBe('idle');
    expect(store.getState().problems).toEqual(problems);
  });

  it('survive a reload and travel in a link', () => {
    const storage = memoryStorage();
    const first = makeStore(storage);
    first.getState().selectDataset('circle');
    first.getState().setSyntheticOptions({ features: ['x1', 'x1·x2', 'sin(x2)'] });
    const reloaded = makeStore(storage);
    expect(reloaded.getState().synthetic?.features).toEqual(['x1', 'x1·x2', 'sin(x2)']);
    expect(readyTable(reloaded).featureNames).toEqual(['x1', 'x1·x2', 'sin(x2)']);
    const snapshot = snapshotOf(first.getState())!;
    const linked = makeStore(memoryStorage(), experimentHash(snapshot));
    expect(snapshotOf(linked.getState())).toEqual(snapshot);
    expect(readyTable(linked).featureNames).toEqual(['x1', 'x1·x2', 'sin(x2)']);
  });

  it('are optional in a stored experiment (older ones mean x1, x2), and only the known ones are read', () => {
    const store = makeStore();
    store.getState().selectDataset('circle');
    const old = snapshotOf(store.getState())!;
    expect(old.synthetic).not.toHaveProperty('features');
    expect(readSnapshot(JSON.stringify(old)).ok).toBe(true);
    const withFeatures = (features: unknown) => readSnapshot(JSON.stringify({ ...old, synthetic: { ...old.synthetic, features } }));
    expect(withFeatures(['x1²', 'x2²'])).toMatchObject({ ok: true, snapshot: { synthetic: { features: ['x1²', 'x2²'] } } });
    expect(withFeatures(['x1³']).ok).toBe(false);
    expect(withFeatures('x1²').ok).toBe(false);
  });

  it('go into the model file: the features by name, and how each is computed from x1, x2', () => {
    const store = makeStore();
    store.getState().selectDataset('circle');
    store.getState().setSyntheticOptions({ features: ['x1²', 'x2²'] });
    const table = readyTable(store);
    const meta = exportMetaFor('circle', table, prepareData(table, 0.2, 1), null);
    expect(meta.features).toEqual(['x1²', 'x2²']);
    expect(meta.inputShape).toEqual([2]);
    expect(meta.engineered).toEqual([
      { name: 'x1²', formula: 'x1 * x1' },
      { name: 'x2²', formula: 'x2 * x2' },
    ]);
    // The script's CSV holds the points themselves; the script computes the features from them.
    if (meta.script.kind !== 'synthetic') throw new Error(meta.script.kind);
    const lines = meta.script.csv.trim().split('\n');
    expect(lines[0]).toBe('x1,x2,label');
    expect(lines[1]!.split(',').map(Number).slice(0, 2)).toEqual([table.plane![0]!, table.plane![1]!].map((v) => Number(v.toPrecision(7))));
    const field = playgroundBlockSchema.shape.engineered;
    expect(field.safeParse(meta.engineered).success).toBe(true);
    expect(field.safeParse(undefined).success).toBe(true);
    const plain = makeStore();
    plain.getState().selectDataset('circle');
    const plainTable = readyTable(plain);
    expect(exportMetaFor('circle', plainTable, prepareData(plainTable, 0.2, 1), null).engineered).toBeUndefined();
  });
});
