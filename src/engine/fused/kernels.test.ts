import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../../data/rng';
import { createKernels, setKernelMode } from './kernelChoice';
import { scalarKernels, type Kernels } from './kernels';
import { compile, type ConvStage, type PoolStage } from './stages';

afterEach(() => setKernelMode('auto'));

const random = (kernels: Kernels, length: number, seed: number): Float32Array => {
  const rng = createRng(seed);
  const array = kernels.alloc(length);
  for (let i = 0; i < length; i++) array[i] = rng.uniform(-1, 1);
  return array;
};

const maxDifference = (a: Float32Array, b: Float32Array): number => a.reduce((worst, value, i) => Math.max(worst, Math.abs(value - b[i]!)), 0);

// Every remainder of the SIMD blocks: rows by four and two, columns by eight and four, inputs by four.
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [3, 2, 5],
  [4, 4, 8],
  [5, 9, 13],
  [7, 3, 12],
  [10, 2, 4],
  [6, 17, 1],
  [33, 30, 64],
  [64, 72, 16],
];

describe('the WebAssembly SIMD kernels', () => {
  it.each(shapes)('give the scalar loops’ products to float rounding: %i rows, %i inputs, %i outputs', async (rows, inSize, size) => {
    setKernelMode('simd');
    const simd = await createKernels(4 * (rows * inSize + inSize * size + size) * 2 + 64);
    expect(simd.kind).toBe('simd');
    const scalar = scalarKernels();
    const run = (k: Kernels) => {
      const x = random(k, rows * inSize, 1);
      const w = random(k, inSize * size, 2);
      const b = random(k, size, 3);
      const dy = random(k, rows * size, 4);
      const y = k.alloc(rows * size);
      k.denseForward(x, y, w, b, rows, inSize, size);
      // Gradients add to what is there, as the layers' zeroed arrays expect.
      const dw = random(k, inSize * size, 5);
      const db = random(k, size, 6);
      k.addWeightGradient(x, dy, dw, db, rows, inSize, size);
      const dx = k.alloc(rows * inSize);
      k.denseInputGradient(dy, dx, w, rows, inSize, size);
      return { y, dw, db, dx };
    };
    const a = run(scalar);
    const b = run(simd);
    // Sums of up to 72 products of values in [-1, 1], rounded in float32 at each step.
    const tolerance = 1e-5 * Math.max(inSize, rows, size);
    expect(maxDifference(a.y, b.y)).toBeLessThan(tolerance);
    expect(maxDifference(a.dw, b.dw)).toBeLessThan(tolerance);
    expect(maxDifference(a.db, b.db)).toBeLessThan(tolerance);
    expect(maxDifference(a.dx, b.dx)).toBeLessThan(tolerance);
    // And they are not trivially equal: the products are real.
    expect(maxDifference(a.y, new Float32Array(a.y.length))).toBeGreaterThan(0.01);
  });

  it.each<[string, number, number, number, 'valid' | 'same', number]>([
    ['one channel, valid', 9, 1, 3, 'valid', 1],
    ['three channels, same padding, stride 2', 7, 3, 3, 'same', 2],
    ['five channels, same padding, kernel 2', 6, 5, 2, 'same', 1],
  ])('give the scalar loops’ patches, patch gradients, pooling and ReLU: %s', async (_name, side, channels, kernelSize, padding, strides) => {
    setKernelMode('simd');
    const rows = 3;
    const [conv, , pool] = compile(
      [side, side, channels],
      [
        { id: 'c', kind: 'conv2d', filters: 6, kernelSize, strides, padding, activation: 'relu' },
        { id: 'p', kind: 'maxPooling2d', poolSize: 2 },
      ],
      rows,
    ) as [ConvStage, unknown, PoolStage];
    const patches = rows * conv.outH * conv.outW * kernelSize * kernelSize * channels;
    const inSize = side * side * channels;
    const simd = await createKernels(8 * (patches + rows * (inSize + conv.size)));
    const run = (k: Kernels) => {
      const x = random(k, rows * inSize, 7);
      // Ties (pooling takes the first) and a NaN (ReLU makes it 0).
      x[1] = x[0]!;
      x[5] = Number.NaN;
      const out = k.alloc(patches);
      k.im2col(x, out, rows, conv);
      const dx = random(k, rows * inSize, 8);
      k.col2im(random(k, patches, 9), dx, rows, conv);
      const image = random(k, rows * conv.size, 10);
      image.fill(0.5, 0, 4);
      const pooled = k.alloc(rows * pool.size);
      const argmax = k.allocInts(rows * pool.size);
      k.maxPool(image, pooled, argmax, rows, pool);
      const relu = k.alloc(rows * inSize);
      k.relu(x, relu, rows * inSize);
      const reluGrad = k.alloc(rows * inSize);
      k.reluBackward(x, random(k, rows * inSize, 11), reluGrad, rows * inSize);
      return { out, dx, pooled, argmax: Array.from(argmax), relu, reluGrad };
    };
    const a = run(scalarKernels());
    const b = run(simd);
    expect(Array.from(b.out)).toEqual(Array.from(a.out));
    expect(maxDifference(a.dx, b.dx)).toBeLessThan(1e-5);
    expect(Array.from(b.pooled)).toEqual(Array.from(a.pooled));
    expect(b.argmax).toEqual(a.argmax);
    expect(Array.from(b.relu)).toEqual(Array.from(a.relu));
    expect(b.relu[5]).toBe(0);
    expect(Array.from(b.reluGrad)).toEqual(Array.from(a.reluGrad));
  });

  it.each([1, 7, 64, 1001])('give the scalar loop’s Adam update bit for bit over 50 steps: %i weights', async (count) => {
    setKernelMode('simd');
    const simd = await createKernels(4 * count * 4 + 64);
    const run = (k: Kernels) => {
      const v = random(k, count, 12);
      const m = k.alloc(count);
      const s = k.alloc(count);
      const g = k.alloc(count);
      for (let t = 1; t <= 50; t++) {
        // A fresh gradient each step, some of it large, some tiny.
        const rng = createRng(100 + t);
        for (let i = 0; i < count; i++) g[i] = rng.uniform(-1, 1) * (i % 3 === 0 ? 10 : 1e-3);
        k.adam(v, g, m, s, 0.01, 1 - 0.9 ** t, 1 - 0.999 ** t);
      }
      return { v, m, s };
    };
    const a = run(scalarKernels());
    const b = run(simd);
    // Identical, so a run trains the same on either path (the lessons' histories were tuned on the scalar one).
    expect(Array.from(b.v)).toEqual(Array.from(a.v));
    expect(Array.from(b.m)).toEqual(Array.from(a.m));
    expect(Array.from(b.s)).toEqual(Array.from(a.s));
    // The weights moved: 50 steps of about the learning rate each, in random directions.
    const start = random(scalarKernels(), count, 12);
    expect(maxDifference(a.v, start)).toBeGreaterThan(0.005);
  });

  it('refuse an array from outside their memory, and a memory asked for beyond its plan', async () => {
    setKernelMode('simd');
    const simd = await createKernels(16);
    const x = simd.alloc(8);
    const outside = new Float32Array(8);
    expect(() => simd.denseForward(x, outside, x, x, 1, 2, 2)).toThrow(/outside its memory/);
    expect(() => simd.alloc(16)).toThrow(/memory is full/);
  });

  it('fall back to the scalar loops when asked to', async () => {
    setKernelMode('scalar');
    expect((await createKernels(100)).kind).toBe('scalar');
  });
});
