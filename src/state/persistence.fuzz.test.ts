import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { TrainingClient } from '../engine/client';
import { FakeWorker } from '../engine/fakeWorker';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../model/safeJson';
import { FUZZ_SEED, mangledText, mutatedJson, runs, withinBound, type Json } from '../testing/fuzz';
import { experimentSchema, runRecordSchema, snapshotOf } from './experimentSchema';
import { createPlaygroundStore } from './store';

/**
 * Stored state from anywhere: what a real page saved, edited anywhere, cut
 * off, spliced with junk, nested hundreds deep, or random. Each opens a
 * page quickly and without throwing; the experiment is the stored one when
 * it reads and the default one (with a message) when it does not; every
 * finished run listed is one the schema accepts; and the page keeps saving.
 */

const files = {
  text: (file: string) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
  bytes: async (file: string) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
};

function memoryStorage(initial: Record<string, string> = {}): StateStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (name) => data[name] ?? null, setItem: (name, value) => void (data[name] = value), removeItem: (name) => void delete data[name] };
}

const open = (storage: StateStorage) =>
  createPlaygroundStore({ client: new TrainingClient('auto', () => new FakeWorker()), files, parseCsv: async () => ({ ok: false, message: '' }), storage });

/** What a page stores after an edited experiment and two finished runs. */
function realEntry(): string {
  const storage = memoryStorage();
  const store = open(storage);
  store.getState().selectDataset('spiral');
  store.getState().setConfig({ epochs: 21, batchSize: 16 });
  const run = { id: 'r1', number: 1, datasetId: 'spiral', layers: [], config: store.getState().config, losses: [[1, 2], [0.5, null]], outcome: 'completed', bestValLoss: 2 };
  const entry = JSON.parse(storage.data['nn-playground']!) as { state: { runs: unknown[]; compared: string[] } };
  entry.state.runs = [run, { ...run, id: 'r2', number: 2 }];
  entry.state.compared = ['r1'];
  return JSON.stringify(entry);
}

const real = realEntry();
const defaults = snapshotOf(open(memoryStorage()).getState());

const entries: fc.Arbitrary<string> = fc.oneof(
  mutatedJson(JSON.parse(real) as Json, 4).map((json) => JSON.stringify(json)),
  mangledText(real),
  fc.json({ maxDepth: 5 }),
  fc.string({ maxLength: 100 }),
  fc.integer({ min: 200, max: 5_000 }).map((depth) => `{"state":{"experiment":${'['.repeat(depth)}${']'.repeat(depth)}},"version":1}`),
);

/** The experiment of an entry zustand reads as it is (JSON, version 1, nested within bounds); undefined otherwise. */
function storedExperiment(entry: string): unknown {
  if (nestsDeeperThan(entry, MAX_JSON_DEPTH)) return undefined;
  try {
    const parsed = JSON.parse(entry) as { version?: unknown; state?: { experiment?: unknown } } | null;
    if (parsed === null || typeof parsed !== 'object' || parsed.version !== 1 || typeof parsed.state !== 'object' || parsed.state === null) return undefined;
    return parsed.state.experiment ?? null;
  } catch {
    return undefined;
  }
}

describe('any stored state', () => {
  it('opens the page with the stored experiment or the default one, valid runs only, and keeps saving', () => {
    const tally = { stored: 0, fellBack: 0 };
    const storedSnapshot = snapshotOf(open(memoryStorage({ 'nn-playground': real })).getState());
    fc.assert(
      fc.property(entries, (entry) => {
        const storage = memoryStorage({ 'nn-playground': entry });
        const store = withinBound('opening the page', () => open(storage));
        const state = store.getState();
        const now = snapshotOf(state);
        expect(experimentSchema.safeParse(now).success).toBe(true);
        if (JSON.stringify(now) === JSON.stringify(defaults)) tally.fellBack++;
        else tally.stored++;
        // A stored experiment that passes the schema is the one shown; any other gives the default one.
        const stored = storedExperiment(entry);
        if (stored !== undefined) expect(now).toEqual(experimentSchema.safeParse(stored).success ? experimentSchema.parse(stored) : defaults);
        if (entry === real) expect(now).toEqual(storedSnapshot);
        for (const run of state.runs) {
          const record = { ...run, losses: run.losses.map(([l, v]) => [Number.isNaN(l) ? null : l, Number.isNaN(v) ? null : v]) };
          expect(runRecordSchema.safeParse(record).success).toBe(true);
        }
        for (const id of state.compared) expect(state.runs.some((run) => run.id === id)).toBe(true);
        for (const notice of state.notices) expect(notice).toMatch(/^(Your saved experiment could not be read|Some of your saved runs could not be read)/);
        // The page keeps saving over whatever was there.
        withinBound('saving an edit', () => store.getState().setConfig({ epochs: 11 }));
        const reopened = open(storage).getState();
        expect(reopened.config.epochs).toBe(11);
      }),
      { seed: FUZZ_SEED, numRuns: runs(300) },
    );
    for (const count of Object.values(tally)) expect(count).toBeGreaterThan(runs(300) / 50);
  });
});
