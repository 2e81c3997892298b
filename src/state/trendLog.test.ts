import { describe, expect, it } from 'vitest';
import { QUANTILES } from '../engine/protocol';
import { appendTrends, emptyTrends, trendsUpTo } from './trendLog';

const report = (fromEpoch: number, epochs: number) => ({
  fromEpoch,
  layers: [0, 1],
  gradientNorms: Float32Array.from({ length: epochs * 2 }, (_, i) => fromEpoch + Math.floor(i / 2)),
  weightQuantiles: new Float32Array(epochs * 2 * QUANTILES.length),
});

describe('the trend log', () => {
  it('appends reports epoch by epoch, skips epochs it has, and drops the epochs a backend move trains again', () => {
    let log = appendTrends(emptyTrends, report(1, 3));
    log = appendTrends(log, report(3, 2));
    expect(log.rows.map((row) => row.epoch)).toEqual([1, 2, 3, 4]);
    expect(Array.from(log.rows[3]!.gradientNorms)).toEqual([4, 4]);
    expect(log.rows[0]!.weightQuantiles).toHaveLength(2 * QUANTILES.length);
    expect(trendsUpTo(log, 2).rows.map((row) => row.epoch)).toEqual([1, 2]);
    expect(appendTrends(log, report(2, 1))).toBe(log);
  });
});
