import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectMessage, FUZZ_SEED, mangledText, mutatedJson, runs, withinBound, type Json } from '../../testing/fuzz';
import { limits } from '../limits';
import { parseModelFile, parseTfjsPair, type ImportResult } from './modelFile';

/**
 * Model files around valid ones: a real Sequential of Dense layers with
 * weights of the right size, then edited anywhere (values replaced, keys
 * dropped, parts wrapped in hundreds of lists, types swapped), cut off or
 * spliced with junk, and weights with NaN or ±Infinity among them. Each
 * must end in an imported model whose weights are all finite, or in a
 * message, quickly and without throwing.
 */

interface ValidModel {
  json: { [key: string]: Json };
  weights: Float32Array;
}

/** A Sequential of 1–3 Dense layers on 1–3 inputs, with float32 weights drawn (mostly finite). */
const validModel: fc.Arbitrary<ValidModel> = fc
  .record({
    inputs: fc.integer({ min: 1, max: 3 }),
    units: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    seed: fc.integer({ min: 0, max: 1_000 }),
    odd: fc.option(fc.record({ at: fc.nat(), value: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) }), { freq: 3 }),
  })
  .map(({ inputs, units, seed, odd }) => {
    const specs: { name: string; shape: number[]; dtype: 'float32' }[] = [];
    const layers: Json[] = [];
    let fanIn = inputs;
    units.forEach((u, i) => {
      const config: { [key: string]: Json } = { name: `dense_${i + 1}`, units: u, activation: 'relu' };
      if (i === 0) config.batch_input_shape = [null, inputs];
      layers.push({ class_name: 'Dense', config });
      specs.push({ name: `dense_${i + 1}/kernel`, shape: [fanIn, u], dtype: 'float32' }, { name: `dense_${i + 1}/bias`, shape: [u], dtype: 'float32' });
      fanIn = u;
    });
    const size = specs.reduce((sum, spec) => sum + spec.shape.reduce((a, b) => a * b, 1), 0);
    const weights = new Float32Array(size).map((_, i) => Math.sin(seed + i));
    if (odd) weights[odd.at % size] = odd.value;
    const json = {
      format: 'layers-model',
      generatedBy: 'TensorFlow.js tfjs-layers v4.22.0',
      modelTopology: { class_name: 'Sequential', config: { name: 'sequential_1', layers } },
      weightSpecs: specs,
      weightData: Buffer.from(weights.buffer).toString('base64'),
    };
    return { json, weights };
  });

/** The result holds only what the checks promise: a buildable size, and weights that are all finite numbers. */
function expectSound(result: ImportResult): void {
  if (!result.ok) {
    expectMessage(result.message);
    return;
  }
  const { imported } = result;
  expect(imported.layers.length).toBeGreaterThan(0);
  expect(imported.layers.length).toBeLessThanOrEqual(limits.maxLayers);
  const values = new Float32Array(imported.model.weightData);
  expect(values.every(Number.isFinite)).toBe(true);
}

const pairOf = (json: { [key: string]: Json }): Json => {
  const { weightSpecs, weightData: _data, ...rest } = json;
  return { ...rest, weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs ?? [] }] };
};

describe('importing any model file near a valid one', () => {
  it('accepts the valid ones exactly when every weight is finite', () => {
    fc.assert(
      fc.property(validModel, ({ json, weights }) => {
        const result = withinBound('parseModelFile', () => parseModelFile(JSON.stringify(json)));
        expect(result.ok).toBe(weights.every(Number.isFinite));
        if (!result.ok) expect(result.message).toMatch(/^Layer dense_\d, weight (kernel|bias): 1 of \d+ values? is not a finite number \((NaN|Infinity|-Infinity)\)\./);
        const pair = withinBound('parseTfjsPair', () => parseTfjsPair(JSON.stringify(pairOf(json)), weights.buffer as ArrayBuffer));
        expect(pair.ok).toBe(result.ok);
      }),
      { seed: FUZZ_SEED, numRuns: runs(300) },
    );
  });

  it('answers every edited one-file model with a sound import or a message', () => {
    const edited = validModel.chain(({ json }) => mutatedJson(json, 4)).map((json) => JSON.stringify(json));
    fc.assert(
      fc.property(fc.oneof(edited, edited.chain(mangledText)), (text) => expectSound(withinBound('parseModelFile', () => parseModelFile(text)))),
      { seed: FUZZ_SEED, numRuns: runs(800) },
    );
  });

  it('answers every edited model.json with any weights.bin with a sound import or a message', () => {
    const bytes = fc.oneof(
      validModel.map(({ weights }) => weights.buffer as ArrayBuffer),
      fc.uint8Array({ maxLength: 256 }).map((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer),
    );
    const modelJson = validModel.chain(({ json }) => mutatedJson(pairOf(json), 4)).map((json) => JSON.stringify(json));
    fc.assert(
      fc.property(fc.oneof(modelJson, modelJson.chain(mangledText)), bytes, (text, bin) =>
        expectSound(withinBound('parseTfjsPair', () => parseTfjsPair(text, bin))),
      ),
      { seed: FUZZ_SEED, numRuns: runs(600) },
    );
  });

  it('answers random bytes and random JSON with a message', () => {
    const anyText = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((b) => new TextDecoder().decode(b)),
      fc.json({ maxDepth: 5 }),
      fc.string({ maxLength: 300 }),
    );
    fc.assert(
      fc.property(anyText, (text) => expectSound(withinBound('parseModelFile', () => parseModelFile(text)))),
      { seed: FUZZ_SEED, numRuns: runs(600) },
    );
  });
});
