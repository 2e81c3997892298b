import { describe, expect, it } from 'vitest';
import type { LayerSpec } from './layers';
import { formatShape, summarize } from './summary';

const dense = (units: number, activation: 'relu' | 'linear' = 'linear'): LayerSpec => ({
  id: `d${units}`,
  kind: 'dense',
  units,
  activation,
});

describe('summarize (matches Keras model.summary())', () => {
  it('counts Dense(1) on 3 inputs as 4 parameters', () => {
    const summary = summarize([3], [dense(1)]);
    expect(summary.totalParams).toBe(4);
    expect(summary.rows[0]!.outputShape).toEqual([1]);
  });

  it('counts 2 → Dense(4, relu) → Dense(3, relu) → Dense(1) as 12 + 15 + 4 = 31', () => {
    const summary = summarize([2], [dense(4, 'relu'), dense(3, 'relu'), dense(1)]);
    expect(summary.rows.map((row) => row.params.trainable)).toEqual([12, 15, 4]);
    expect(summary.totalParams).toBe(31);
    expect(summary.trainableParams).toBe(31);
    expect(summary.nonTrainableParams).toBe(0);
  });

  it('counts BatchNormalization on 16 features as 64 parameters, 32 of them non-trainable', () => {
    const summary = summarize([16], [{ id: 'bn', kind: 'batchNormalization' }]);
    expect(summary.totalParams).toBe(64);
    expect(summary.nonTrainableParams).toBe(32);
    expect(summary.trainableParams).toBe(32);
  });

  it('gives Dropout and Activation no parameters and keeps their input shape', () => {
    const summary = summarize(
      [5],
      [dense(7, 'relu'), { id: 'dr', kind: 'dropout', rate: 0.3 }, { id: 'ac', kind: 'activation', activation: 'tanh' }],
    );
    expect(summary.rows.map((row) => row.outputShape)).toEqual([[7], [7], [7]]);
    expect(summary.totalParams).toBe(5 * 7 + 7);
  });

  it('names layers as Keras does: dense, dense_1, dropout', () => {
    const summary = summarize([2], [dense(4), { id: 'x', kind: 'dropout', rate: 0.1 }, dense(1)]);
    expect(summary.rows.map((row) => row.name)).toEqual(['dense', 'dropout', 'dense_1']);
    expect(summary.rows.map((row) => row.kerasClass)).toEqual(['Dense', 'Dropout', 'Dense']);
  });

  it('formats shapes with the batch axis as None', () => {
    expect(formatShape([64])).toBe('(None, 64)');
    expect(formatShape([28, 28, 1])).toBe('(None, 28, 28, 1)');
  });

  it('reports a layer that cannot take its input shape', () => {
    const summary = summarize([], [dense(3)]);
    expect(summary.shapeError).toEqual({ layerIndex: 0, message: expect.stringContaining('Dense') });
    expect(summary.rows).toHaveLength(0);
  });
});
