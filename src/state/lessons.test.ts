/**
 * Each lesson's phenomenon appears in the history a learner sees (never read
 * from the fit badge), on the engine Auto picks: the JavaScript engine for
 * the dense lessons, tfjs for the CNN. Each check runs for the lesson's seed
 * and most of a handful of others; slow lessons use fewer. Lessons 3, 8 and
 * 11 are in lessonsOptimization.test.ts.
 */
import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EpochRecord } from '../engine/protocol';
import { acrossSeeds, epochsTo, runLesson, type LessonVariant } from '../testing/lessonRun';
import { lessons, type Lesson } from './lessons';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const files = {
  text: (file: string) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
  bytes: async (file: string) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
};
const run = (lesson: Lesson, variant: LessonVariant = {}) => runLesson(lesson, files, variant);
const others = [1, 2, 3, 4, 5];
const fmt = (x: number) => x.toPrecision(3);
const losses = (history: EpochRecord[]) => history.map((r) => r.loss);
const valLosses = (history: EpochRecord[]) => history.map((r) => r.valLoss);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** The lesson's seed must show it; of the others, at most one may not. */
function expectMostSeeds(result: { lessonSeed: string | null; misses: string[] }): void {
  expect(result.lessonSeed).toBeNull();
  expect(result.misses.length, result.misses.join('\n')).toBeLessThanOrEqual(1);
}

describe('each lesson’s phenomenon appears in its history', () => {
  it('1. a single neuron: the loss falls to the noise floor; at 0.005 the same fit comes more slowly', async () => {
    const lesson = lessons.singleNeuron;
    expectMostSeeds(
      await acrossSeeds(others, async (seed) => {
        const fast = losses((await run(lesson, { seed })).history);
        const slow = losses((await run(lesson, { seed, config: { learningRate: 0.005 } })).history);
        const holds = fast.at(-1)! < 0.01 && slow.at(-1)! < 0.01 && epochsTo(slow, 0.01) > 2 * epochsTo(fast, 0.01);
        return holds ? null : `epochs to 0.01: ${epochsTo(fast, 0.01)} vs ${epochsTo(slow, 0.01)}`;
      }),
    );
  });

  it('2. a deep network: clearly below a network without hidden layers once that one has converged (300 epochs)', async () => {
    const lesson = lessons.deepNetwork;
    const noHidden = lesson.layers.slice(-1);
    // The deep network is the slowest dense lesson: three other seeds.
    expectMostSeeds(
      await acrossSeeds([1, 2, 3], async (seed) => {
        const deep = valLosses((await run(lesson, { seed })).history);
        const atSixty = valLosses((await run(lesson, { seed, layers: noHidden })).history);
        const converged = valLosses((await run(lesson, { seed, layers: noHidden, config: { epochs: 300 } })).history);
        const deepEnd = mean(deep.slice(-5));
        const plateau = Math.min(...converged);
        // No overfitting to see: the deep network's val_loss over its last ten epochs is no higher than over the ten before.
        const drift = mean(deep.slice(-10)) / mean(deep.slice(-20, -10));
        const holds =
          drift < 1.08 &&
          // As the text says: at epoch 60 the linear fit is still improving, and by 300 it has levelled off.
          atSixty.at(-1)! < atSixty.at(-11)! - 1 &&
          converged.at(-1)! < 1.02 * converged.at(-31)! &&
          deepEnd < 0.6 * plateau;
        return holds
          ? null
          : `deep ends ${fmt(deepEnd)} (drift ${fmt(drift)}); no hidden layers ${fmt(atSixty.at(-11)!)} → ${fmt(atSixty.at(-1)!)} at 60, plateau ${fmt(plateau)}`;
      }),
    );
  });

  it('4. underfitting: both losses stay high with one neuron; a hidden layer of 8 tanh units fits', async () => {
    const lesson = lessons.underfitting;
    expectMostSeeds(
      await acrossSeeds(others, async (seed) => {
        const last = (await run(lesson, { seed })).history.at(-1)!;
        const hidden = (await run(lesson, { seed, layers: [{ kind: 'dense', units: 8, activation: 'tanh' }, ...lesson.layers] })).history.at(-1)!;
        const holds = last.loss > 0.6 && last.valLoss > 0.6 && hidden.valLoss < 0.3;
        return holds ? null : `one neuron ends ${fmt(last.loss)} / ${fmt(last.valLoss)}; with 8 tanh val ${fmt(hidden.valLoss)}`;
      }),
    );
  });

  it('5. overfitting: val_loss bottoms out, then ends at least 10 % above its minimum while training loss keeps falling', async () => {
    const lesson = lessons.overfitting;
    expectMostSeeds(
      await acrossSeeds([1, 2, 3], async (seed) => {
        const { history } = await run(lesson, { seed });
        const vals = valLosses(history);
        const best = vals.indexOf(Math.min(...vals));
        const holds = best < vals.length - 10 && vals.at(-1)! >= 1.1 * vals[best]! && history.at(-1)!.loss < history[best]!.loss;
        return holds ? null : `val min ${fmt(vals[best]!)} at ${best + 1}, ends ${fmt(vals.at(-1)!)}`;
      }),
    );
  });

  it('6. early stopping: stops ten epochs after the best val_loss and restores it; patience 30 waits longer', async () => {
    const lesson = lessons.earlyStopping;
    const { history, outcome } = await run(lesson);
    expect(outcome.kind).toBe('earlyStopped');
    if (outcome.kind !== 'earlyStopped') return;
    expect(history.length).toBeLessThan(lesson.config.epochs);
    expect(outcome.epoch - outcome.bestEpoch).toBe(lesson.config.earlyStopping.patience);
    expect(outcome.restoredFrom).toBe(outcome.bestEpoch);
    const patient = await run(lesson, { config: { earlyStopping: { ...lesson.config.earlyStopping, patience: 30 } } });
    expect(patient.history.length).toBeGreaterThan(history.length);
  });

  it('7. dropout: the gap between validation and training loss is narrower than without it, for most splits and seeds', async () => {
    // The gap is averaged over the last 20 epochs; with 60 training points one split can go either way.
    const gap = (history: EpochRecord[]) => mean(history.slice(-20).map((r) => r.valLoss - r.loss));
    const narrower: boolean[] = [];
    for (const seed of [42, 1, 2, 3, 4, 5]) {
      const config = { ...lessons.overfitting.config, seed };
      const without = await run({ ...lessons.overfitting, config });
      const withDropout = await run({ ...lessons.dropout, config });
      if (seed === 42) expect(gap(withDropout.history)).toBeLessThan(0.5 * gap(without.history));
      narrower.push(gap(withDropout.history) < gap(without.history));
    }
    expect(narrower.filter(Boolean).length).toBeGreaterThanOrEqual(5);
  });

  it('9. binary classification: val_loss bottoms out around epoch 10 to 20 and climbs while training loss falls; early stopping keeps the best', async () => {
    const lesson = lessons.binaryClassification;
    expectMostSeeds(
      await acrossSeeds(others, async (seed) => {
        const { history } = await run(lesson, { seed });
        const vals = valLosses(history);
        const best = vals.indexOf(Math.min(...vals));
        // "10 to 20" in the text, read with a few epochs' slack either side.
        const holds = best >= 6 && best < 25 && vals.at(-1)! > 1.3 * vals[best]! && history.at(-1)!.loss < 0.5 * history[best]!.loss;
        return holds ? null : `val min ${fmt(vals[best]!)} at ${best + 1}, ends ${fmt(vals.at(-1)!)}; loss ${fmt(history[best]!.loss)} → ${fmt(history.at(-1)!.loss)}`;
      }),
    );
    const early = { enabled: true, patience: 10, minDelta: 0.001, restoreBestWeights: true };
    const { outcome } = await run(lesson, { config: { earlyStopping: early } });
    expect(outcome.kind).toBe('earlyStopped');
    if (outcome.kind === 'earlyStopped') expect(outcome.restoredFrom).toBe(outcome.bestEpoch);
  });

  it('10. a CNN on digits reads them well within two epochs (tfjs, which Auto picks for convolutions)', async () => {
    // tfjs on the Node CPU backend takes ~12 s an epoch here: two epochs, the lesson's seed only.
    const { history } = await run(lessons.cnn, { engine: 'tfjs', config: { epochs: 2 } });
    expect(history.at(-1)!.valMetric).toBeGreaterThan(0.85);
    expect(history.at(-1)!.valLoss).toBeLessThan(history[0]!.valLoss);
  }, 60_000);
}, 120_000);
