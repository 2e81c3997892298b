/**
 * The optimization lessons (3: learning rate and batch size, 8: batch
 * normalization, 11: a learning rate too high) show what they say, read from
 * the history a learner sees: per-epoch losses and per-step losses. Each runs
 * on the JavaScript engine, which Auto picks for these dense models, for the
 * lesson's seed and most of a handful of others.
 */
import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { acrossSeeds, epochsTo, meanAbsDelta, relativeJitter, runLesson, worstJumpOverRunningMin, type LessonVariant } from '../testing/lessonRun';
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

describe('lesson 3: learning rate and batch size', () => {
  const lesson = lessons.learningRateBatch;
  /** Step-to-step change of the training loss over its level, after the first epochs. */
  const stepNoise = (steps: Float32Array[]) => {
    const later = steps.slice(5).flatMap((epoch) => Array.from(epoch));
    return meanAbsDelta(later) / (later.reduce((a, b) => a + b, 0) / later.length);
  };
  /** Epoch-to-epoch zigzag of val_loss once it nears its floor (a steady fall scores 0). */
  const valJitter = (valLosses: number[]) => relativeJitter(valLosses.slice(14));

  it('batch size 2 is noisy step to step and epoch to epoch; 64 is smooth and slower; a tiny rate crawls', async () => {
    const result = await acrossSeeds(others, async (seed) => {
      const small = await run(lesson, { seed });
      const large = await run(lesson, { seed, config: { batchSize: 64 } });
      const slow = await run(lesson, { seed, config: { learningRate: 0.001 } });
      const vals = (r: typeof small) => r.history.map((h) => h.valLoss);
      const seen = `step noise ${fmt(stepNoise(small.steps))} vs ${fmt(stepNoise(large.steps))}, val jitter ${fmt(valJitter(vals(small)))} vs ${fmt(valJitter(vals(large)))} (lr 0.001: ${fmt(valJitter(vals(slow)))}), final val ${fmt(vals(small).at(-1)!)} / ${fmt(vals(large).at(-1)!)} / ${fmt(vals(slow).at(-1)!)}`;
      const holds =
        small.steps.length === lesson.config.epochs &&
        stepNoise(small.steps) > 4 * stepNoise(large.steps) &&
        valJitter(vals(small)) > 0.03 &&
        valJitter(vals(large)) < 0.2 * valJitter(vals(small)) &&
        // Batch 64 takes fewer steps, so it is further from the floor at the end; the tiny rate further still.
        vals(large).at(-1)! > vals(small).at(-1)! &&
        valJitter(vals(slow)) < 0.2 * valJitter(vals(small)) &&
        vals(slow).at(-1)! > vals(small).at(-1)!;
      return holds ? null : seen;
    });
    expect(result.lessonSeed).toBeNull();
    expect(result.misses.length, result.misses.join('\n')).toBeLessThanOrEqual(1);
  });
});

describe('lesson 8: batch normalization', () => {
  const lesson = lessons.batchNormalization;
  const withoutBn = lesson.layers.filter((layer) => layer.kind !== 'batchNormalization');
  const target = 6;

  it('with the same optimizer and rate, reaches 6 MPa in far fewer epochs; without it still learns; with it val_loss is steady', async () => {
    const result = await acrossSeeds(others, async (seed) => {
      const bn = await run(lesson, { seed });
      const plain = await run(lesson, { seed, layers: withoutBn });
      const bnVals = bn.history.map((h) => h.valLoss);
      const plainLoss = plain.history.map((h) => h.loss);
      const faster = epochsTo(bnVals, target) <= 0.6 * epochsTo(plain.history.map((h) => h.valLoss), target);
      // Not stuck at a constant output: the training loss still falls well after the first epochs.
      const learning = plainLoss.at(-1)! < 0.7 * plainLoss[9]! && epochsTo(plain.history.map((h) => h.valLoss), target) <= lesson.config.epochs;
      // No epoch after the first five jumps far above the best val_loss so far.
      const steady = worstJumpOverRunningMin(bnVals, 5) < 1.6;
      const seen = `epochs to ${target}: ${epochsTo(bnVals, target)} vs ${epochsTo(plain.history.map((h) => h.valLoss), target)}; without: loss ${fmt(plainLoss[9]!)} → ${fmt(plainLoss.at(-1)!)}; worst val jump ${fmt(worstJumpOverRunningMin(bnVals, 5))}`;
      return faster && learning && steady ? null : seen;
    });
    expect(result.lessonSeed).toBeNull();
    expect(result.misses.length, result.misses.join('\n')).toBeLessThanOrEqual(1);
  });
});

describe('lesson 11: a learning rate too high', () => {
  const lesson = lessons.tooHighLearningRate;

  it('the loss climbs for several finite epochs, then the run diverges', async () => {
    const result = await acrossSeeds(others, async (seed) => {
      const { history, outcome } = await run(lesson, { seed });
      const finite = history.map((h) => h.loss).filter(Number.isFinite);
      let rises = 0;
      for (let i = 1; i < finite.length; i++) if (finite[i]! > finite[i - 1]!) rises++;
      const seen = `${outcome.kind} after ${history.length} epochs, ${rises} finite epochs rising: ${finite.map(fmt).join(' ')}`;
      return outcome.kind === 'diverged' && rises >= 4 && finite.at(-1)! > 1000 * finite[0]! ? null : seen;
    });
    expect(result.lessonSeed).toBeNull();
    expect(result.misses.length, result.misses.join('\n')).toBeLessThanOrEqual(1);
  });

  it('try next: at 0.03 the loss keeps bouncing without diverging; at 0.01 it settles; the status’s 0.005 converges too', async () => {
    const result = await acrossSeeds(others, async (seed) => {
      const bouncing = (await run(lesson, { seed, config: { learningRate: 0.03 } })).history.map((h) => h.loss);
      const settled = (await run(lesson, { seed, config: { learningRate: 0.01 } })).history.map((h) => h.loss);
      const advised = (await run(lesson, { seed, config: { learningRate: 0.005 } })).history.map((h) => h.loss);
      let jumps = 0;
      for (let i = 6; i < bouncing.length; i++) if (bouncing[i]! > 1.2 * bouncing[i - 1]!) jumps++;
      const tail = settled.slice(-10);
      const seen = `0.03: ${jumps} jumps, ${bouncing.map(fmt).join(' ')}; 0.01 ends ${tail.map(fmt).join(' ')}; 0.005 ends ${fmt(advised.at(-1)!)}`;
      const holds =
        bouncing.every(Number.isFinite) &&
        jumps >= 4 &&
        // Settled: low and falling steadily at the end.
        tail.every((loss, i) => i === 0 || loss <= tail[i - 1]! * 1.001) &&
        tail.at(-1)! < 0.1 * settled[0]! &&
        advised.every(Number.isFinite) &&
        advised.at(-1)! < 0.2 * advised[0]!;
      return holds ? null : seen;
    });
    expect(result.lessonSeed).toBeNull();
    expect(result.misses.length, result.misses.join('\n')).toBeLessThanOrEqual(1);
  });
});
