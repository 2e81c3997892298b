import { describe, expect, it } from 'vitest';
import type { LossPoint } from './curves';
import { diagnose } from './diagnosis';

/** A history from two functions of the epoch (1-based). */
const curve = (epochs: number, train: (e: number) => number, val: (e: number) => number): LossPoint[] =>
  Array.from({ length: epochs }, (_, i) => ({ epoch: i + 1, loss: train(i + 1), valLoss: val(i + 1) }));

describe('fit diagnosis on synthetic curves', () => {
  it('calls the first few epochs too early to tell', () => {
    expect(diagnose(curve(3, (e) => 1 / e, (e) => 1 / e)).state).toBe('early');
    expect(diagnose([]).state).toBe('early');
  });

  it('still improving: both fall steadily', () => {
    const d = diagnose(curve(30, (e) => 2 * Math.exp(-e / 20), (e) => 2.1 * Math.exp(-e / 20)));
    expect(d).toMatchObject({ state: 'improving', label: 'Still improving' });
  });

  it('overfitting: val turns up while train keeps falling, named from its minimum', () => {
    const d = diagnose(curve(60, (e) => 1 / e, (e) => 0.5 + 0.0005 * (e - 20) ** 2));
    expect(d).toMatchObject({ state: 'overfitting', label: 'Overfitting since epoch 20' });
  });

  it('underfitting: both level off barely below where they started', () => {
    const d = diagnose(curve(40, (e) => 0.7 + 0.1 * Math.exp(-e), (e) => 0.72 + 0.1 * Math.exp(-e)));
    expect(d.state).toBe('underfitting');
  });

  it('good fit: both level off low and close together', () => {
    const d = diagnose(curve(60, (e) => 0.1 + 2 * Math.exp(-e / 3), (e) => 0.11 + 2 * Math.exp(-e / 3)));
    expect(d).toMatchObject({ state: 'goodFit', label: 'Good fit' });
  });

  it('plateau: val levels off well above train without rising', () => {
    const d = diagnose(curve(60, (e) => 0.1 + 2 * Math.exp(-e / 3), (e) => 0.5 + 2 * Math.exp(-e / 3)));
    expect(d.state).toBe('plateau');
  });

  it('diverged: a non-finite loss, with a suggestion', () => {
    const history = curve(6, (e) => (e < 6 ? 1 / e : Number.NaN), (e) => (e < 6 ? 1 / e : Number.NaN));
    expect(diagnose(history)).toMatchObject({ state: 'diverged', label: 'Diverged', sentence: expect.stringContaining('smaller learning rate') });
  });
});
