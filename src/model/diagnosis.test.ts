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

  it('a loss near 0 still falling by a few percent relative is converged, not improving', () => {
    // The spiral of the issue: 3e-5 / 9e-4 out of a start at 0.69, still shrinking by 2 % an epoch.
    const d = diagnose(curve(300, (e) => 0.69 * Math.exp(-e / 30), (e) => 0.0009 + 0.69 * Math.exp(-e / 30)), { constantLoss: 0.69 });
    expect(d.state).toBe('goodFit');
  });

  it('stuck at a constant output: both losses at the constant prediction’s loss, however far epoch 1 was', () => {
    // Lesson 8 without batch normalization: MAE 5263 in epoch 1, then 13.6 / 13.0 flat, a constant's MAE of 12.9.
    const d = diagnose(curve(40, (e) => (e === 1 ? 5263 : 13.6 + 0.05 * Math.sin(e)), (e) => 13 + 0.05 * Math.cos(e)), { constantLoss: 12.9 });
    expect(d).toMatchObject({ state: 'underfitting', sentence: expect.stringContaining('learning rate') });
  });

  it('a one-epoch dip of val_loss is not a minimum to overfit from', () => {
    const val = (e: number) => (e === 54 ? 3.2 : 3.8 + 0.2 * Math.sin(e * 1.7));
    const d = diagnose(curve(60, (e) => 3.4 + 0.1 * Math.cos(e * 2.3), val), { constantLoss: 12.9 });
    expect(d.state).not.toBe('overfitting');
  });

  it('unstable: a training loss that leaps up and falls back', () => {
    const d = diagnose(curve(40, (e) => (e % 7 === 0 ? 2 : 0.02), (e) => (e % 7 === 0 ? 1.5 : 0.03)), { constantLoss: 0.6 });
    expect(d).toMatchObject({ state: 'unstable', label: 'Unstable', sentence: expect.stringContaining('learning rate is too high') });
  });

  it('diverging: a finite loss growing by orders of magnitude each epoch', () => {
    const d = diagnose(curve(8, (e) => 10 ** (e * 3), (e) => 10 ** (e * 3)));
    expect(d).toMatchObject({ state: 'diverged', label: 'Diverging' });
  });

  it('after early stopping restored epoch K, names the restored model, not the overfitting after it', () => {
    const history = curve(30, (e) => 1 / e, (e) => 0.5 + 0.002 * (e - 10) ** 2);
    expect(diagnose(history).label).toBe('Overfitting since epoch 10');
    const d = diagnose(history, { restoredFrom: 10 });
    expect(d).toMatchObject({ state: 'goodFit', label: 'Best epoch 10 restored', sentence: expect.stringContaining('before validation loss began to rise') });
    // Restoring the last epoch changes nothing.
    expect(diagnose(history, { restoredFrom: 30 }).state).toBe('overfitting');
  });
});
