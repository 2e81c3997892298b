import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { TrainingClient } from '../engine/client';
import { FakeWorker } from '../engine/fakeWorker';
import { expectMessage, FUZZ_SEED, mangledText, mutatedJson, runs, withinBound, type Json } from '../testing/fuzz';
import { defaultExperiment } from './defaults';
import { experimentSchema, snapshotOf } from './experimentSchema';
import { experimentHash, hashWithoutExperiment, readExperimentHash } from './share';
import { createPlaygroundStore } from './store';

/**
 * Links from anywhere: random hashes, `#e=` with random base64url, and the
 * base64url of near misses of a real experiment. Each ends in the link's
 * experiment (valid by the schema), nothing, or a message; a store opened
 * with it keeps the saved experiment unless the link is valid; and the
 * address stops carrying the link once it has been read.
 */

const { layers, config } = defaultExperiment('xor');
const valid = snapshotOf({ datasetId: 'xor', synthetic: { numPoints: 200, noise: 0.1, seed: 7 }, layers, config, dropoutRate: 0.3 })!;
const base64url = (text: string): string => Buffer.from(text).toString('base64url');

const hashes: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 80 }).map((s) => `#${s}`),
  fc.string({ unit: fc.constantFrom(...'ABCxyz019-_=+/%&#'.split('')), maxLength: 120 }).map((s) => `#e=${s}`),
  fc.json({ maxDepth: 4 }).map((json) => `#e=${base64url(json)}`),
  mutatedJson(valid as unknown as Json, 3).map((json) => `#e=${base64url(JSON.stringify(json))}`),
  mangledText(JSON.stringify(valid)).map((text) => `#e=${base64url(text)}`),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constant(experimentHash(valid))).map(([other, link]) => `#${encodeURIComponent(other)}=1&${link.slice(1)}`),
);

function memoryStorage(): StateStorage {
  const data: Record<string, string> = {};
  return { getItem: (name) => data[name] ?? null, setItem: (name, value) => void (data[name] = value), removeItem: (name) => void delete data[name] };
}

const files = {
  text: (file: string) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
  bytes: async (file: string) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
};

describe('any link', () => {
  it('reads as a valid experiment, nothing, or a message, quickly', () => {
    const tally = { experiment: 0, none: 0, invalid: 0 };
    fc.assert(
      fc.property(hashes, (hash) => {
        const read = withinBound('readExperimentHash', () => readExperimentHash(hash));
        tally[read.kind]++;
        if (read.kind === 'experiment') expect(experimentSchema.safeParse(read.snapshot).success).toBe(true);
        if (read.kind === 'invalid') {
          expectMessage(read.message);
          expect(read.message).toMatch(/^The link's experiment could not be used \(.+\), so it was ignored\.$/s);
        }
        // Taking the link out leaves no `e=` behind, and leaves a hash without one as it was.
        const rest = hashWithoutExperiment(hash);
        expect(readExperimentHash(rest).kind).toBe('none');
        if (read.kind === 'none' && !new URLSearchParams(hash.slice(1)).has('e')) expect(rest).toBe(hash);
      }),
      { seed: FUZZ_SEED, numRuns: runs(1500) },
    );
    for (const count of Object.values(tally)) expect(count).toBeGreaterThan(runs(1500) / 100);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('opened in a page changes the saved experiment only when it is valid, and is then cleared from the address', () => {
    const storage = memoryStorage();
    const first = createPlaygroundStore({ client: new TrainingClient('auto', () => new FakeWorker()), files, parseCsv: async () => ({ ok: false, message: '' }), storage });
    first.getState().selectDataset('moons');
    first.getState().setConfig({ epochs: 37 });
    const saved = snapshotOf(first.getState());
    fc.assert(
      fc.property(hashes, (hash) => {
        const replaced: string[] = [];
        // A fresh storage holding the saved experiment, so one valid link does not leak into the next case.
        const copy = memoryStorage();
        copy.setItem('nn-playground', storage.getItem('nn-playground') as string);
        const store = withinBound('opening the page', () =>
          createPlaygroundStore({
            client: new TrainingClient('auto', () => new FakeWorker()),
            files,
            parseCsv: async () => ({ ok: false, message: '' }),
            storage: copy,
            hash,
            replaceHash: (next) => replaced.push(next),
          }),
        );
        const read = readExperimentHash(hash);
        const now = snapshotOf(store.getState());
        if (read.kind === 'experiment') expect(now).toEqual(read.snapshot);
        else expect(now).toEqual(saved);
        expect(replaced).toEqual(read.kind === 'none' ? [] : [hashWithoutExperiment(hash)]);
      }),
      { seed: FUZZ_SEED, numRuns: runs(200) },
    );
  });
});
