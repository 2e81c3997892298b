import { describe, expect, it } from 'vitest';
import { createRng } from '../../../data/rng';
import { linePath } from './path';

const commands = (d: string): [string, number, number][] =>
  [...d.matchAll(/([ML])(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [m[1]!, Number(m[2]), Number(m[3])]);

describe('linePath', () => {
  it('draws a few points as they are, and breaks the line at a missing value', () => {
    const d = linePath([[0, 1], [1, 2], [2, Number.NaN], [3, 4]], (x) => x * 100, (y) => 100 - y * 10, false);
    expect(d).toBe('M0.0 90.0L100.0 80.0M300.0 60.0');
  });

  it('keeps at most four points a half-pixel column, with each column’s lowest and highest value', () => {
    const rng = createRng(2);
    const points: [number, number][] = Array.from({ length: 50_000 }, (_, i) => [i, rng.uniform(0, 1)]);
    // 50,000 values over 600 pixels.
    const px = (x: number) => (x / 50_000) * 600;
    const py = (y: number) => 300 - y * 300;
    const kept = commands(linePath(points, px, py, false));
    expect(kept.length).toBeLessThanOrEqual(4 * 1201);
    // The picture keeps its extremes: every column's range of y is the range of its values.
    const byColumn = new Map<number, number[]>();
    for (const [x, y] of points) {
      const column = Math.round(px(x) * 2);
      byColumn.set(column, [...(byColumn.get(column) ?? []), py(y)]);
    }
    const drawn = new Map<number, number[]>();
    for (const [, x, y] of kept) drawn.set(Math.round(x * 2), [...(drawn.get(Math.round(x * 2)) ?? []), y]);
    for (const [column, ys] of byColumn) {
      const shown = drawn.get(column)!;
      expect(Math.min(...shown)).toBeCloseTo(Math.min(...ys), 1);
      expect(Math.max(...shown)).toBeCloseTo(Math.max(...ys), 1);
    }
  });
});
