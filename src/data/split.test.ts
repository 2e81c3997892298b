import { describe, expect, it } from 'vitest';
import { shuffledIndices, splitRows } from './split';

describe('splitRows', () => {
  it('splits every row into exactly one part, in the asked proportion', () => {
    const split = splitRows(1030, 0.2, 42);
    expect(split.validation).toHaveLength(206);
    expect(split.train).toHaveLength(824);
    const all = [...split.train, ...split.validation].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 1030 }, (_, i) => i));
  });

  it('is the same for a seed and different for another', () => {
    expect(Array.from(splitRows(100, 0.3, 5).validation)).toEqual(Array.from(splitRows(100, 0.3, 5).validation));
    expect(Array.from(splitRows(100, 0.3, 5).validation)).not.toEqual(Array.from(splitRows(100, 0.3, 6).validation));
  });

  it('keeps at least one row on each side', () => {
    expect(splitRows(2, 0.01, 1).validation).toHaveLength(1);
    expect(splitRows(2, 0.99, 1).train).toHaveLength(1);
    expect(() => splitRows(1, 0.5, 1)).toThrow(/at least 2 rows/);
  });

  it('shuffles into a permutation', () => {
    const order = Array.from(shuffledIndices(50, 9));
    expect(order).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
