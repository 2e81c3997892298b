import { describe, expect, it } from 'vitest';
import { QUANTILES } from './protocol';
import { l2Norm, quantilesInto, TrendBuffer } from './trends';

describe('layer trends', () => {
  it('take the L2 norm and numpy-style quantiles', () => {
    expect(l2Norm([3, 4])).toBe(5);
    const out = new Float32Array(QUANTILES.length);
    quantilesInto(Float32Array.of(4, 1, 3, 2), out, 0);
    // 0, 10, 25, 50, 75, 90, 100 % of [1, 2, 3, 4].
    expect(Array.from(out)).toEqual([1, 1.2999999523162842, 1.75, 2.5, 3.25, 3.700000047683716, 4]);
  });

  it('hand over consecutive epochs as one report and start a new one at a gap', () => {
    const buffer = new TrendBuffer([0, 2]);
    const row = (epoch: number) => ({ epoch, gradientNorms: Float32Array.of(epoch, -epoch), weightQuantiles: new Float32Array(2 * QUANTILES.length).fill(epoch) });
    expect(buffer.add(row(1))).toBeNull();
    expect(buffer.add(row(2))).toBeNull();
    const first = buffer.add(row(5));
    expect(first?.fromEpoch).toBe(1);
    expect(Array.from(first!.gradientNorms)).toEqual([1, -1, 2, -2]);
    expect(first!.weightQuantiles).toHaveLength(2 * 2 * QUANTILES.length);
    const second = buffer.take();
    expect(second?.fromEpoch).toBe(5);
    expect(second?.layers).toEqual([0, 2]);
    expect(buffer.take()).toBeNull();
  });
});
