import { describe, expect, it } from 'vitest';
import { parseModelFile, parseTfjsPair } from './modelFile';

/**
 * Model files of one class, made here: right shapes, right byte counts,
 * valid JSON, and weights that are NaN or ±Infinity somewhere. Each must be
 * refused with the layer and weight named, in both file formats.
 */

interface Weight {
  name: string;
  shape: number[];
}

/** Dense(3) → BatchNormalization → Dense(1) on 2 inputs, as tfjs names and orders its weights. */
const weights: Weight[] = [
  { name: 'dense_1/kernel', shape: [2, 3] },
  { name: 'dense_1/bias', shape: [3] },
  { name: 'batch_normalization_1/gamma', shape: [3] },
  { name: 'batch_normalization_1/beta', shape: [3] },
  { name: 'dense_2/kernel', shape: [3, 1] },
  { name: 'dense_2/bias', shape: [1] },
  { name: 'batch_normalization_1/moving_mean', shape: [3] },
  { name: 'batch_normalization_1/moving_variance', shape: [3] },
];
const sizes = weights.map((w) => w.shape.reduce((a, b) => a * b, 1));
const total = sizes.reduce((a, b) => a + b, 0);

const topology = {
  class_name: 'Sequential',
  config: {
    name: 'sequential_1',
    layers: [
      { class_name: 'Dense', config: { name: 'dense_1', units: 3, activation: 'relu', batch_input_shape: [null, 2] } },
      { class_name: 'BatchNormalization', config: { name: 'batch_normalization_1' } },
      { class_name: 'Dense', config: { name: 'dense_2', units: 1, activation: 'linear' } },
    ],
  },
};

/** Weights of small finite values, then `bad` written at the given positions of weight `index`. */
function weightBytes(index: number, positions: readonly number[], bad: readonly number[]): ArrayBuffer {
  const values = new Float32Array(total).map((_, i) => ((i * 7919) % 13) / 10 - 0.6);
  const start = sizes.slice(0, index).reduce((a, b) => a + b, 0);
  positions.forEach((position, i) => {
    values[start + position] = bad[i % bad.length]!;
  });
  return values.buffer;
}

const oneFile = (data: ArrayBuffer): string =>
  JSON.stringify({
    format: 'layers-model',
    modelTopology: topology,
    weightSpecs: weights.map((w) => ({ ...w, dtype: 'float32' })),
    weightData: Buffer.from(data).toString('base64'),
  });

const pairJson = JSON.stringify({
  format: 'layers-model',
  modelTopology: topology,
  weightsManifest: [{ paths: ['weights.bin'], weights: weights.map((w) => ({ ...w, dtype: 'float32' })) }],
});

const messageOf = (result: ReturnType<typeof parseModelFile>): string => (result.ok ? 'accepted' : result.message);

describe('imported weights that are not finite numbers', () => {
  it('accepts the same model when every weight is finite, in both formats', () => {
    expect(parseModelFile(oneFile(weightBytes(0, [], []))).ok).toBe(true);
    expect(parseTfjsPair(pairJson, weightBytes(0, [], [])).ok).toBe(true);
  });

  // Every weight, each kind of non-finite value, in one cell or in all of them: the message names the layer, the weight and the count.
  const cases = weights.flatMap((weight, index) =>
    [[Number.NaN], [Number.POSITIVE_INFINITY], [Number.NEGATIVE_INFINITY], [Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]].map((bad) => {
      const size = sizes[index]!;
      const positions = bad.length === 1 ? [size - 1] : Array.from({ length: size }, (_, i) => i);
      const placed = positions.map((_, i) => bad[i % bad.length]!);
      // The message lists the kinds in a fixed order: NaN, Infinity, -Infinity.
      const order = [
        ...(placed.some(Number.isNaN) ? ['NaN'] : []),
        ...(placed.includes(Number.POSITIVE_INFINITY) ? ['Infinity'] : []),
        ...(placed.includes(Number.NEGATIVE_INFINITY) ? ['-Infinity'] : []),
      ].join(', ');
      return { weight, index, positions, bad, order };
    }),
  );

  it.each(cases)('refuses $weight.name holding $order (one file and pair)', ({ weight, index, positions, bad, order }) => {
    const [layer, name] = [weight.name.slice(0, weight.name.lastIndexOf('/')), weight.name.slice(weight.name.lastIndexOf('/') + 1)];
    const size = sizes[index]!;
    const count = positions.length;
    const verb = count === 1 ? 'is not a finite number' : 'are not finite numbers';
    const expected = `Layer ${layer}, weight ${name}: ${count} of ${size} value${size === 1 ? '' : 's'} ${verb} (${order}).`;
    const data = weightBytes(index, positions, bad);
    expect(messageOf(parseModelFile(oneFile(data)))).toMatch(new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(messageOf(parseTfjsPair(pairJson, data))).toMatch(new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('names the first bad weight in file order when several are bad, and says what to do', () => {
    const data = new Float32Array(weightBytes(0, [], []));
    data.fill(Number.NaN, sizes[0]! + sizes[1]!, total);
    expect(messageOf(parseModelFile(oneFile(data.buffer)))).toBe(
      'Layer batch_normalization_1, weight gamma: 3 of 3 values are not finite numbers (NaN). A model with such weights predicts nothing but NaN; export it again from a run that did not diverge.',
    );
  });

  it('reads every NaN bit pattern as NaN, not only the one JavaScript writes', () => {
    const data = weightBytes(0, [], []);
    const view = new DataView(data);
    view.setUint32(0, 0x7fc00001, true); // a quiet NaN with a payload
    view.setUint32(4, 0xff800001, true); // a signalling NaN, sign bit set
    expect(messageOf(parseModelFile(oneFile(data)))).toMatch(/^Layer dense_1, weight kernel: 2 of 6 values are not finite numbers \(NaN\)\./);
  });

  it('names a weight without a layer prefix by its place in the file', () => {
    const file = JSON.parse(oneFile(weightBytes(1, [0], [Number.NaN]))) as { weightSpecs: { name: string }[] };
    file.weightSpecs[1]!.name = 'bias';
    expect(messageOf(parseModelFile(JSON.stringify(file)))).toMatch(/^Layer number 2 in the file, weight bias: 1 of 3 values is not a finite number \(NaN\)\./);
  });
});
