import { describe, expect, it } from 'vitest';
import { cutAt } from './pool';

describe('the pool cuts a product into even parts on multiples of its block', () => {
  it('every part boundary is a multiple, no part is empty, and no part is a block longer than another', () => {
    for (const multiple of [1, 2, 4]) {
      for (let total = 1; total <= 300; total++) {
        for (let parts = 2; parts <= Math.min(8, Math.floor(total / multiple)); parts++) {
          const cuts = Array.from({ length: parts + 1 }, (_, p) => cutAt(p, parts, total, multiple));
          expect(cuts[0]).toBe(0);
          expect(cuts[parts]).toBe(total);
          expect(cuts[1]).toBeGreaterThan(0);
          const sizes = cuts.slice(1).map((cut, p) => cut - cuts[p]!);
          for (const size of sizes) expect(size).toBeGreaterThan(0);
          for (const cut of cuts.slice(0, -1)) expect(cut % multiple).toBe(0);
          expect(Math.max(...sizes) - Math.min(...sizes), `total ${total}, ${parts} parts of ${multiple}`).toBeLessThanOrEqual(multiple);
        }
      }
    }
  });

  it("a first convolution's 9 inputs, in blocks of 4, go 4 and 5 over two threads", () => {
    expect([0, 1, 2].map((p) => cutAt(p, 2, 9, 4))).toEqual([0, 4, 9]);
  });
});
