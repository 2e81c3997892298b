import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TrainingClient } from '../engine/client';
import { FakeWorker } from '../engine/fakeWorker';
import { FUZZ_SEED, mangledText, mutatedJson, runs, type Json } from '../testing/fuzz';
import { snapshotOf } from './experimentSchema';
import type { PickedFile } from './importSlice';
import { createPlaygroundStore } from './store';

/**
 * Model files near a valid one for the 2-D set on screen, imported through
 * the store as the page does: a refused file leaves the experiment exactly
 * as it was, with a message; an accepted one replaces the layers.
 */

const files = {
  text: (file: string) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
  bytes: async (file: string) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
};

/** Dense(units) → Dense(1, sigmoid) on the 2 inputs of a 2-D set, weights drawn with now and then a NaN or an infinity. */
const validFile = fc
  .record({ units: fc.integer({ min: 1, max: 4 }), seed: fc.nat(1000), odd: fc.option(fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY), { freq: 3 }) })
  .map(({ units, seed, odd }): Json => {
    const size = 2 * units + units + units + 1;
    const weights = new Float32Array(size).map((_, i) => Math.cos(seed + i) / 2);
    if (odd !== null) weights[seed % size] = odd;
    return {
      format: 'layers-model',
      modelTopology: {
        class_name: 'Sequential',
        config: {
          layers: [
            { class_name: 'Dense', config: { name: 'dense_1', units, activation: 'tanh', batch_input_shape: [null, 2] } },
            { class_name: 'Dense', config: { name: 'dense_2', units: 1, activation: 'sigmoid' } },
          ],
        },
      },
      weightSpecs: [
        { name: 'dense_1/kernel', shape: [2, units], dtype: 'float32' },
        { name: 'dense_1/bias', shape: [units], dtype: 'float32' },
        { name: 'dense_2/kernel', shape: [units, 1], dtype: 'float32' },
        { name: 'dense_2/bias', shape: [1], dtype: 'float32' },
      ],
      weightData: Buffer.from(weights.buffer).toString('base64'),
    };
  });

const texts = fc.oneof(
  validFile.map((json) => JSON.stringify(json)),
  validFile.chain((json) => mutatedJson(json, 3)).map((json) => JSON.stringify(json)),
  validFile.map((json) => JSON.stringify(json)).chain(mangledText),
);

const picked = (text: string): PickedFile => ({
  name: 'model.json',
  size: text.length,
  text: async () => text,
  arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
});

describe('importing any model file near a valid one, through the store', () => {
  it('keeps the experiment exactly as it was whenever the file is refused', async () => {
    const store = createPlaygroundStore({ client: new TrainingClient('auto', () => new FakeWorker()), files, parseCsv: async () => ({ ok: false, message: '' }) });
    const tally = { refused: 0, imported: 0 };
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        store.getState().selectDataset('circle');
        store.getState().setConfig({ epochs: 33 });
        const before = snapshotOf(store.getState());
        const layersBefore = store.getState().layers;
        await store.getState().importModel([picked(text)]);
        const { importError, imported, layers } = store.getState();
        if (importError !== null) {
          tally.refused++;
          expect(importError).toMatch(/^model\.json: \S/);
          expect(snapshotOf(store.getState())).toEqual(before);
          expect(layers).toBe(layersBefore);
        } else {
          tally.imported++;
          expect(imported?.fileName).toBe('model.json');
          expect(new Float32Array(imported!.model.weightData).every(Number.isFinite)).toBe(true);
          // Back to an experiment of the person's own for the next case.
          store.getState().selectDataset('xor');
        }
      }),
      { seed: FUZZ_SEED, numRuns: runs(200) },
    );
    for (const count of Object.values(tally)) expect(count).toBeGreaterThan(runs(200) / 20);
  });
});
