import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { disposeReadsInFlight, readBack } from './epoch';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('readBack', () => {
  it('hands back each tensor as one array, in order, with no tensor left', async () => {
    const before = tf.memory().numTensors;
    const a = tf.tensor2d([[1, 2], [3, 4]]);
    const b = tf.scalar(5);
    const [first, second] = await readBack(() => [a, b]);
    expect(Array.from(first!)).toEqual([1, 2, 3, 4]);
    expect(Array.from(second!)).toEqual([5]);
    tf.dispose([a, b]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('frees the vector of a read that never settles (a lost device) when asked, and a later settling frees nothing twice', async () => {
    const before = tf.memory().numTensors;
    let settle: (() => void) | null = null;
    // A read on a lost WebGL context can hang for good: this one waits until told.
    vi.spyOn(tf.Tensor.prototype, 'data').mockImplementation(function (this: tf.Tensor) {
      return new Promise((resolve) => (settle = () => resolve(new Float32Array(this.size))));
    });
    const pending = readBack(() => [tf.ones([3])]);
    await Promise.resolve();
    expect(tf.memory().numTensors).toBe(before + 1);
    disposeReadsInFlight();
    expect(tf.memory().numTensors).toBe(before);
    settle!();
    await pending;
    expect(tf.memory().numTensors).toBe(before);
  });
});
