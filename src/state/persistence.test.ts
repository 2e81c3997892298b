import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { TrainingClient } from '../engine/client';
import { FakeWorker } from '../engine/fakeWorker';
import { defaultExperiment } from './defaults';
import { snapshotOf } from './experimentSchema';
import { experimentHash } from './share';
import { createPlaygroundStore } from './store';

function memoryStorage(initial: Record<string, string> = {}): StateStorage & { data: Record<string, string> } {
  const data = { ...initial };
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

const makeStore = (storage?: StateStorage, hash = '', replaceHash?: (hash: string) => void) =>
  createPlaygroundStore({
    client: new TrainingClient('auto', () => new FakeWorker()),
    files: {
      text: (file) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
      bytes: async (file) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
    },
    parseCsv: async () => ({ ok: false, message: 'not used' }),
    ...(storage ? { storage } : {}),
    hash,
    ...(replaceHash ? { replaceHash } : {}),
  });

describe('the experiment survives a reload', () => {
  it('restores dataset, layers and settings from storage', () => {
    const storage = memoryStorage();
    const first = makeStore(storage);
    first.getState().selectDataset('moons');
    first.getState().setSyntheticOptions({ noise: 0.7 });
    first.getState().addLayer('dropout');
    first.getState().setConfig({ batchSize: 8, epochs: 42 });
    first.getState().setEarlyStopping({ enabled: true, patience: 7 });
    const second = makeStore(storage);
    const state = second.getState();
    expect(state.datasetId).toBe('moons');
    expect(state.synthetic?.noise).toBe(0.7);
    expect(state.layers.map((l) => l.kind)).toEqual(['dense', 'dense', 'dropout', 'dense']);
    expect(state.config).toMatchObject({ batchSize: 8, epochs: 42, earlyStopping: { enabled: true, patience: 7 } });
    expect(state.notices).toEqual([]);
  });

  it('falls back to defaults with a message when the stored entry is corrupt', () => {
    const broken = makeStore(memoryStorage({ 'nn-playground': '{"state": {"experiment": ' }));
    expect(broken.getState().datasetId).toBe('concrete');
    expect(broken.getState().notices).toEqual(['Your saved experiment could not be read, so the default one is shown.']);
    const invalid = makeStore(memoryStorage({ 'nn-playground': JSON.stringify({ state: { experiment: { v: 1, dataset: 'nope' } }, version: 1 }) }));
    expect(invalid.getState().datasetId).toBe('concrete');
    expect(invalid.getState().notices).toHaveLength(1);
  });

  it('keeps the finished runs when the stored experiment no longer reads, and drops only runs that do not', () => {
    const storage = memoryStorage();
    const first = makeStore(storage);
    const stored = JSON.parse(storage.data['nn-playground']!) as { state: { experiment: Record<string, unknown>; runs: unknown[] } };
    const run = { id: 'r1', number: 1, datasetId: 'concrete', layers: [], config: first.getState().config, losses: [[1, 2]], outcome: 'completed', bestValLoss: 2 };
    stored.state.experiment = { ...stored.state.experiment, config: { ...first.getState().config, learningRate: 1e308 } };
    stored.state.runs = [run, { ...run, id: 'r2', number: 2, outcome: '<img src=x onerror=alert(1)>' }];
    const second = makeStore(memoryStorage({ 'nn-playground': JSON.stringify(stored) }));
    expect(second.getState().runs.map((r) => r.id)).toEqual(['r1']);
    expect(second.getState().config.learningRate).not.toBe(1e308);
    expect(second.getState().notices).toEqual([
      'Your saved experiment could not be read, so the default one is shown.',
      'Some of your saved runs could not be read, so they are not listed.',
    ]);
  });

  it('does not store a slip the controls cannot run over the last good experiment', () => {
    const storage = memoryStorage();
    const first = makeStore(storage);
    first.getState().selectDataset('moons');
    first.getState().setEarlyStopping({ patience: -1 });
    const second = makeStore(storage);
    expect(second.getState().datasetId).toBe('moons');
    expect(second.getState().config.earlyStopping.patience).toBeGreaterThanOrEqual(0);
    expect(second.getState().notices).toEqual([]);
  });

  it('says so when storage is full, and keeps working', () => {
    const full: StateStorage = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} };
    const store = makeStore(full);
    store.getState().setConfig({ epochs: 5 });
    expect(store.getState().config.epochs).toBe(5);
    expect(store.getState().notices).toEqual(['The browser’s storage is full, so changes are no longer saved for the next visit.']);
  });
});

describe('a shared link', () => {
  it('restores the experiment exactly, over what was stored', () => {
    const { layers, config } = defaultExperiment('xor');
    const snapshot = snapshotOf({ datasetId: 'xor', synthetic: { numPoints: 200, noise: 0.1, seed: 77 }, layers, config: { ...config, learningRate: 0.3 }, dropoutRate: 0.4 })!;
    const store = makeStore(memoryStorage(), experimentHash(snapshot));
    expect(snapshotOf(store.getState())).toEqual(snapshot);
  });

  it('is applied once: the address stops carrying it, and edits made after it survive a reload', () => {
    const { layers, config } = defaultExperiment('xor');
    const snapshot = snapshotOf({ datasetId: 'xor', synthetic: { numPoints: 200, noise: 0.1, seed: 77 }, layers, config, dropoutRate: 0.4 })!;
    const storage = memoryStorage();
    makeStore(storage).getState().selectDataset('moons');
    // The page opens with the link; other parts of the hash are kept.
    let address = `${experimentHash(snapshot)}&note=1`;
    const opened = makeStore(storage, address, (hash) => (address = hash));
    expect(address).toBe('#note=1');
    expect(opened.getState().datasetId).toBe('xor');
    opened.getState().setConfig({ epochs: 42 });
    opened.getState().addLayer('dropout');
    // The reload reads the address as it now is.
    const reloaded = makeStore(storage, address, (hash) => (address = hash));
    expect(reloaded.getState().datasetId).toBe('xor');
    expect(reloaded.getState().config.epochs).toBe(42);
    expect(reloaded.getState().layers.map((l) => l.kind)).toEqual(opened.getState().layers.map((l) => l.kind));
    expect(reloaded.getState().notices).toEqual([]);
  });

  it('leaves an address without a link alone, and clears a broken link once it has been reported', () => {
    const calls: string[] = [];
    makeStore(memoryStorage(), '#other=1', (hash) => calls.push(hash));
    expect(calls).toEqual([]);
    const broken = makeStore(memoryStorage(), '#e=eyJ2IjoxfQ', (hash) => calls.push(hash));
    expect(calls).toEqual(['']);
    expect(broken.getState().notices).toHaveLength(1);
  });

  it('that does not validate is reported and ignored', () => {
    const store = makeStore(undefined, '#e=eyJ2IjoxfQ');
    expect(store.getState().datasetId).toBe('concrete');
    expect(store.getState().notices[0]).toMatch(/^The link's experiment could not be used/);
  });
});
