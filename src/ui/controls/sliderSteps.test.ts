import { describe, expect, it } from 'vitest';
import { batchSizes, formatRate, learningRates } from './sliderSteps';

describe('slider steps', () => {
  it('spans the learning rate from 1e-5 to 1 on a log scale with round values', () => {
    expect(learningRates[0]).toBe(0.00001);
    expect(learningRates[learningRates.length - 1]).toBe(1);
    expect(learningRates).toContain(0.001);
    expect(learningRates).toContain(0.03);
    expect([...learningRates].sort((a, b) => a - b)).toEqual(learningRates);
  });

  it('offers powers of two up to the training-set size, and the full set', () => {
    expect(batchSizes(824)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 824]);
    expect(batchSizes(64)).toEqual([1, 2, 4, 8, 16, 32, 64]);
  });

  it('writes rates as people do', () => {
    expect(formatRate(0.001)).toBe('0.001');
    expect(formatRate(0.00003)).toBe('0.00003');
    expect(formatRate(0.3)).toBe('0.3');
    expect(formatRate(1)).toBe('1');
  });
});
