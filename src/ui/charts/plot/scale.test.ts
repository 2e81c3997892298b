import { describe, expect, it } from 'vitest';
import { linePath, nearestIndex, valueRange, type Point } from './path';
import { epochTicks, linearAxis, logAxis, niceStep, scaleOf, tickLabel } from './scale';

describe('axes', () => {
  it('rounds steps up to 1, 2 or 5 times a power of ten', () => {
    expect([0.013, 0.3, 0.7, 1, 3, 12, 4000].map(niceStep)).toEqual([0.02, 0.5, 1, 1, 5, 20, 5000]);
  });

  it('widens a linear range to whole steps from zero, with ticks free of float noise', () => {
    const axis = linearAxis(0, 0.693);
    expect(axis.domain).toEqual([0, 0.8]);
    expect(axis.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(linearAxis(0, 0.3, 3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
    expect(linearAxis(-1.2, 3.1).domain).toEqual([-2, 4]);
  });

  it('gives an empty or one-value range a usable axis', () => {
    expect(linearAxis(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY).domain).toEqual([0, 1]);
    const flat = linearAxis(2, 2);
    expect(flat.domain[0]).toBeLessThanOrEqual(2);
    expect(flat.domain[1]).toBeGreaterThan(2);
  });

  it('spans whole decades on a log axis, with 2 and 5 when the span is short', () => {
    const short = logAxis(0.03, 0.7);
    expect(short.domain).toEqual([0.01, 1]);
    expect(short.ticks).toEqual([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]);
    const long = logAxis(2e-4, 3);
    expect(long.domain).toEqual([1e-4, 10]);
    expect(long.ticks).toEqual([1e-4, 1e-3, 0.01, 0.1, 1, 10]);
    expect(logAxis(0.5, 0.5).domain).toEqual([0.1, 1]);
    expect(short.ticks).not.toContain(0);
  });

  it('labels epochs with about five whole-number ticks from 1', () => {
    expect(epochTicks(300)).toEqual([1, 100, 200, 300]);
    expect(epochTicks(10)).toEqual([1, 2, 4, 6, 8, 10]);
    expect(epochTicks(2)).toEqual([1, 2]);
  });

  it('maps values to pixels, y pointing down, and log values by their logarithm', () => {
    const y = scaleOf(linearAxis(0, 1), 200, 0);
    expect(y(0)).toBe(200);
    expect(y(1)).toBe(0);
    const log = scaleOf(logAxis(0.01, 1), 0, 100);
    expect(log(0.1)).toBeCloseTo(50);
  });

  it('writes tick labels with three significant digits, exponents for tiny and huge values', () => {
    expect([0, 0.25, 1 / 3, 0.005, 25000].map(tickLabel)).toEqual(['0', '0.25', '0.333', '5.0e-3', '2.5e+4']);
  });
});

describe('curves', () => {
  const points: Point[] = [
    [1, 0.5],
    [2, Number.NaN],
    [3, 0.25],
    [4, 0],
    [5, 0.125],
  ];

  it('breaks the line at values the axis cannot show instead of dropping them to the axis', () => {
    const id = (v: number) => v;
    expect(linePath(points, id, id, false)).toBe('M1.0 0.5M3.0 0.3L4.0 0.0L5.0 0.1');
    expect(linePath(points, id, id, true)).toBe('M1.0 0.5M3.0 0.3M5.0 0.1');
    expect(linePath([], id, id, false)).toBe('');
  });

  it('finds the point nearest an epoch', () => {
    expect(nearestIndex(points, 0)).toBe(0);
    expect(nearestIndex(points, 3.4)).toBe(2);
    expect(nearestIndex(points, 99)).toBe(4);
    expect(nearestIndex([], 3)).toBe(-1);
  });

  it('takes the value range over all curves, positive values only on a log axis', () => {
    expect(valueRange([points, [[1, 2]]], false)).toEqual([0, 2]);
    expect(valueRange([points], true)).toEqual([0.125, 0.5]);
  });
});
