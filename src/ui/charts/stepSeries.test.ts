import { describe, expect, it } from 'vitest';
import { envelopePoints, relativeStepNoise, smoothedPoints, smoothingFor } from './stepSeries';

describe('per-step series', () => {
  it('keeps every step when there are few', () => {
    expect(envelopePoints([3, 2, 1], 10)).toEqual([
      [1, 3],
      [2, 2],
      [3, 1],
    ]);
  });

  it('thins many steps to each bucket’s lowest and highest, in order, so the spread stays', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => (i % 2 === 0 ? 1 : 3));
    const points = envelopePoints(values, 100);
    expect(points.length).toBeLessThanOrEqual(200);
    expect(Math.min(...points.map((p) => p[1]))).toBe(1);
    expect(Math.max(...points.map((p) => p[1]))).toBe(3);
    const xs = points.map((p) => p[0]);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('marks a bucket with a non-finite step as a break', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i === 500 ? Number.NaN : 1));
    expect(envelopePoints(values, 10).some((p) => Number.isNaN(p[1]))).toBe(true);
  });

  it('smooths without pulling the first steps towards zero', () => {
    const points = smoothedPoints([5, 5, 5, 5], 0.9);
    for (const [, y] of points) expect(y).toBeCloseTo(5, 6);
    const falling = smoothedPoints(Array.from({ length: 100 }, (_, i) => 100 - i), 0.5, 1000);
    expect(falling.at(-1)![1]).toBeGreaterThan(1);
    expect(falling.at(-1)![1]).toBeLessThan(3);
    expect(smoothingFor(10)).toBe(0.6);
    expect(smoothingFor(100_000)).toBe(0.99);
  });

  it('measures step-to-step noise relative to the loss', () => {
    expect(relativeStepNoise([2, 2, 2, 2])).toBe(0);
    // Alternating 1 and 3: jumps of 2 around a mean of 2.
    expect(relativeStepNoise([1, 3, 1, 3, 1, 3])).toBeCloseTo(1, 6);
    // Only the latest window counts.
    expect(relativeStepNoise([100, 1, 1, 1], 3)).toBe(0);
    expect(relativeStepNoise([1])).toBeNull();
    expect(relativeStepNoise([1, Number.NaN, 1, 1])).toBe(0);
  });
});
