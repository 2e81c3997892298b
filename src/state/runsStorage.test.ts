import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { TrainingClient } from '../engine/client';
import { FakeWorker } from '../engine/fakeWorker';
import { testConfig } from '../testing/fixtures';
import { idleRun, type RunState } from './runState';
import { MAX_RUNS, RECORD_POINTS, recordEpoch, recordOf, type RunRecord } from './runsList';
import { createPlaygroundStore } from './store';

/** A storage that refuses any entry longer than `limit` characters, as a full localStorage throws. */
function boundedStorage(limit: number): StateStorage & { data: Record<string, string> } {
  const data: Record<string, string> = {};
  return {
    data,
    getItem: (name) => data[name] ?? null,
    setItem: (name, value) => {
      if (value.length > limit) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data[name] = value;
    },
    removeItem: (name) => {
      delete data[name];
    },
  };
}

const makeStore = (storage: StateStorage) =>
  createPlaygroundStore({
    client: new TrainingClient('auto', () => new FakeWorker()),
    files: {
      text: (file) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
      bytes: async (file) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
    },
    parseCsv: async () => ({ ok: false, message: 'not used' }),
    storage,
  });

/** A finished run of `epochs` epochs, as the runs list records it. */
function finished(epochs: number, number = 1): RunRecord {
  const run: RunState = {
    ...idleRun,
    phase: 'ended',
    setup: { datasetId: 'moons', layers: [], config: testConfig({ epochs }) },
    history: Array.from({ length: epochs }, (_, i) => ({ epoch: i + 1, loss: 1 / (i + 1), valLoss: 1.1 / (i + 1), metric: 0, valMetric: 0, ms: 1, learningRate: 0.01 })),
    outcome: { kind: 'completed', epochs, restoredFrom: null },
  };
  return recordOf(run, number)!;
}

describe('the runs list in storage', () => {
  it('keeps a long run’s curve thinned to RECORD_POINTS points, each at its own epoch', () => {
    const record = finished(2000);
    expect(record.losses.length).toBeLessThanOrEqual(RECORD_POINTS);
    expect(record.epochs).toBe(2000);
    const i = record.losses.length - 1;
    expect(record.losses[i]![0]).toBeCloseTo(1 / recordEpoch(record, i), 6);
    expect(finished(40).every).toBeUndefined();
  });

  it('holds 200 runs, and when the storage is full drops the oldest with a message, keeping the rest', async () => {
    const storage = boundedStorage(400_000);
    const store = makeStore(storage);
    const runs = Array.from({ length: MAX_RUNS }, (_, i) => ({ ...finished(1000, i + 1), id: `run-${i + 1}` }));
    store.setState({ runs });
    await Promise.resolve();
    const kept = store.getState().runs;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(MAX_RUNS);
    // The newest runs stay, and what is on screen is what storage holds.
    expect(kept.at(-1)!.id).toBe('run-200');
    const stored = JSON.parse(storage.data['nn-playground']!) as { state: { runs: RunRecord[] } };
    expect(stored.state.runs.map((run) => run.id)).toEqual(kept.map((run) => run.id));
    expect(store.getState().notices.join(' ')).toMatch(/storage is full, so the \d+ oldest finished runs were removed/);
    // A reload brings the same list back.
    expect(makeStore(storage).getState().runs.map((run) => run.id)).toEqual(kept.map((run) => run.id));
  });

  it('keeps a run’s test result across a reload, a NaN one as NaN', async () => {
    const storage = boundedStorage(400_000);
    const store = makeStore(storage);
    store.setState({ runs: [{ ...finished(5, 1), test: { loss: 0.41, metric: 0.875 } }, { ...finished(5, 2), id: 'nan', test: { loss: Number.NaN, metric: 0.5 } }] });
    await Promise.resolve();
    const [first, second] = makeStore(storage).getState().runs;
    expect(first!.test).toEqual({ loss: 0.41, metric: 0.875 });
    expect(second!.test!.loss).toBeNaN();
    expect(second!.test!.metric).toBe(0.5);
  });
});
