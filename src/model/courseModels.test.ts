import { describe, expect, it } from 'vitest';
import type { LayerSpec } from './layers';
import { summarize } from './summary';

/** Models from the Keras "Intro to Deep Learning" course; totals as model.summary() prints them. */
const dense = (units: number, activation: 'relu' | 'sigmoid' | 'linear' = 'relu'): LayerSpec => ({
  id: String(Math.random()),
  kind: 'dense',
  units,
  activation,
});
const dropout = (rate: number): LayerSpec => ({ id: String(Math.random()), kind: 'dropout', rate });
const bn = (): LayerSpec => ({ id: String(Math.random()), kind: 'batchNormalization' });

describe('parameter counts of the course models', () => {
  it('a linear unit with 3 inputs (lesson 1): 4', () => {
    expect(summarize([3], [dense(1, 'linear')]).totalParams).toBe(4);
  });

  it('the concrete network, 3 × Dense(512, relu) → Dense(1) on 8 inputs: 530,433', () => {
    const summary = summarize([8], [dense(512), dense(512), dense(512), dense(1, 'linear')]);
    expect(summary.rows.map((row) => row.params.trainable)).toEqual([4608, 262656, 262656, 513]);
    expect(summary.totalParams).toBe(530_433);
  });

  it('the red-wine network with dropout and batch normalization on 11 inputs: 2,124,801, of which 6,144 non-trainable', () => {
    const layers = [dense(1024), dropout(0.3), bn(), dense(1024), dropout(0.3), bn(), dense(1024), dropout(0.3), bn(), dense(1, 'linear')];
    const summary = summarize([11], layers);
    expect(summary.totalParams).toBe(2_124_801);
    expect(summary.nonTrainableParams).toBe(6_144);
    expect(summary.trainableParams).toBe(2_118_657);
  });

  it('the ionosphere classifier, Dense(4) → Dense(4) → Dense(1, sigmoid) on 33 inputs: 161', () => {
    expect(summarize([33], [dense(4), dense(4), dense(1, 'sigmoid')]).totalParams).toBe(161);
  });
});
