import { describe, expect, it } from 'vitest';
import { generate, generators, type GeneratorName } from './synthetic';

const all = Object.keys(generators) as GeneratorName[];
const classifiers = all.filter((name) => generators[name].task.kind === 'binary');

describe('2-D generators', () => {
  for (const name of all) {
    it(`${name}: the same seed gives the same points, another seed other points`, () => {
      const a = generate(name, { numPoints: 200, noise: 0.3, seed: 7 });
      const b = generate(name, { numPoints: 200, noise: 0.3, seed: 7 });
      const c = generate(name, { numPoints: 200, noise: 0.3, seed: 8 });
      expect(Array.from(a.features)).toEqual(Array.from(b.features));
      expect(Array.from(a.targets)).toEqual(Array.from(b.targets));
      expect(Array.from(a.features)).not.toEqual(Array.from(c.features));
    });

    it(`${name}: finite points on the plane, within about ±7`, () => {
      const table = generate(name, { numPoints: 300, noise: 0.3, seed: 5 });
      expect(table.modality).toBe('plane');
      expect(Array.from(table.features).every((v) => Number.isFinite(v) && Math.abs(v) < 8)).toBe(true);
      expect(Array.from(table.targets).every(Number.isFinite)).toBe(true);
    });
  }

  for (const name of classifiers) {
    it(`${name}: two balanced classes labelled 0 and 1`, () => {
      const table = generate(name, { numPoints: 300, noise: 0, seed: 1 });
      expect(table.numRows).toBe(300);
      expect(table.features).toHaveLength(600);
      expect(new Set(table.targets)).toEqual(new Set([0, 1]));
      const ones = table.targets.reduce((sum, t) => sum + t, 0);
      // Alternating generators are exactly balanced; XOR draws quadrants at random.
      expect(Math.abs(ones - 150)).toBeLessThanOrEqual(name === 'xor' ? 30 : 0);
      expect(table.task).toEqual({ kind: 'binary' });
    });
  }

  for (const name of all) {

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

  it('plane: the value is (x + y) / 6 without noise', () => {
    const table = generate('plane', { numPoints: 50, noise: 0, seed: 2 });
    for (let i = 0; i < 50; i++) expect(table.targets[i]).toBeCloseTo((table.features[2 * i]! + table.features[2 * i + 1]!) / 6, 5);
    expect(table.task).toEqual({ kind: 'regression' });
  });

  it('xor: the class is the sign of x·y without noise', () => {
    const table = generate('xor', { numPoints: 100, noise: 0, seed: 2 });
    for (let i = 0; i < 100; i++) expect(table.targets[i]).toBe(table.features[2 * i]! * table.features[2 * i + 1]! > 0 ? 1 : 0);
  });

  it('circle: the inner class lies inside the ring without noise', () => {
    const table = generate('circle', { numPoints: 400, noise: 0, seed: 2 });
    for (let i = 0; i < table.numRows; i++) {
      const r = Math.hypot(table.features[2 * i]!, table.features[2 * i + 1]!);
      if (table.targets[i] === 1) expect(r).toBeLessThanOrEqual(2.5);
      else expect(r).toBeGreaterThanOrEqual(3.5);
    }
  });
});
