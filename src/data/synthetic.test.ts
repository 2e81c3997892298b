import { describe, expect, it } from 'vitest';
import { generate } from './synthetic';

describe('2-D generators', () => {
  for (const name of ['circle', 'spiral'] as const) {
    it(`${name}: the same seed gives the same points, another seed other points`, () => {
      const a = generate(name, { numPoints: 200, noise: 0.3, seed: 7 });
      const b = generate(name, { numPoints: 200, noise: 0.3, seed: 7 });
      const c = generate(name, { numPoints: 200, noise: 0.3, seed: 8 });
      expect(Array.from(a.features)).toEqual(Array.from(b.features));
      expect(Array.from(a.targets)).toEqual(Array.from(b.targets));
      expect(Array.from(a.features)).not.toEqual(Array.from(c.features));
    });

    it(`${name}: two balanced classes labelled 0 and 1`, () => {
      const table = generate(name, { numPoints: 300, noise: 0, seed: 1 });
      expect(table.numRows).toBe(300);
      expect(table.features).toHaveLength(600);
      expect(new Set(table.targets)).toEqual(new Set([0, 1]));
      expect(table.targets.reduce((sum, t) => sum + t, 0)).toBe(150);
      expect(table.task).toEqual({ kind: 'binary' });
    });

    it(`${name}: noise moves the points by about its standard deviation`, () => {
      const clean = generate(name, { numPoints: 2000, noise: 0, seed: 3 });
      const noisy = generate(name, { numPoints: 2000, noise: 0.5, seed: 3 });
      // The generator draws the same clean points for a seed; noise is added after.
      let sq = 0;
      let moved = 0;
      for (let i = 0; i < clean.features.length; i++) {
        const d = noisy.features[i]! - clean.features[i]!;
        sq += d * d;
        if (d !== 0) moved++;
      }
      expect(moved).toBeGreaterThan(clean.features.length * 0.99);
      expect(Math.sqrt(sq / clean.features.length)).toBeGreaterThan(0.3);
    });
  }

  it('circle: the inner class lies inside the ring without noise', () => {
    const table = generate('circle', { numPoints: 400, noise: 0, seed: 2 });
    for (let i = 0; i < table.numRows; i++) {
      const r = Math.hypot(table.features[2 * i]!, table.features[2 * i + 1]!);
      if (table.targets[i] === 1) expect(r).toBeLessThanOrEqual(2.5);
      else expect(r).toBeGreaterThanOrEqual(3.5);
    }
  });
});
