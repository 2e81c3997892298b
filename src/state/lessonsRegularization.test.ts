/**
 * Lesson 15's phenomenon, on the JavaScript engine Auto picks for its dense
 * network, read from what a learner sees: the weights' spread in the
 * Gradients and weights view (the layer trends) and the train/val gap of the
 * loss curves, against the same run without the penalty.
 */
import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUANTILES } from '../engine/protocol';
import { setRegularization } from '../model/regularizers';
import type { LayerSpec } from '../model/layers';
import { acrossSeeds, runLesson, type LessonRun } from '../testing/lessonRun';
import { lessons } from './lessons';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const files = {
  text: (file: string) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
  bytes: async (file: string) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
};
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const fmt = (x: number) => x.toPrecision(3);

/** The last epoch's 10 %–90 % range of each hidden layer's kernel, averaged over the hidden layers. */
function weightSpread(run: LessonRun): number {
  const at = (q: number) => QUANTILES.indexOf(q as (typeof QUANTILES)[number]);
  const last = run.trends.rows.at(-1)!;
  const hidden = run.trends.layers.length - 1;
  const spreads = Array.from({ length: hidden }, (_, k) => last.weightQuantiles[k * QUANTILES.length + at(0.9)]! - last.weightQuantiles[k * QUANTILES.length + at(0.1)]!);
  return mean(spreads);
}

/** val_loss − loss over the last ten epochs (the penalty is in both, so it cancels). */
const gap = (run: LessonRun) => mean(run.history.slice(-10).map((r) => r.valLoss - r.loss));

describe('lesson 15, L2 weight penalty', () => {
  it('keeps the weights’ spread lower and the train/val gap narrower than the same network without it', async () => {
    const lesson = lessons.l2Penalty;
    const withoutPenalty = setRegularization(
      lesson.layers.map((layer, i) => ({ ...layer, id: `l${i}` }) as LayerSpec),
      'none',
      0,
    ).map(({ id: _id, ...layer }) => layer);
    expect(withoutPenalty.some((layer) => 'kernelRegularizer' in layer)).toBe(false);
    const result = await acrossSeeds([1, 2, 3, 4], async (seed) => {
      const l2 = await runLesson(lesson, files, { seed, trends: true });
      const plain = await runLesson(lesson, files, { seed, trends: true, layers: withoutPenalty });
      const seen = `spread ${fmt(weightSpread(l2))} vs ${fmt(weightSpread(plain))}, gap ${fmt(gap(l2))} vs ${fmt(gap(plain))}`;
      return weightSpread(l2) < 0.7 * weightSpread(plain) && gap(l2) < 0.5 * gap(plain) ? null : seen;
    });
    expect(result.lessonSeed).toBeNull();
    expect(result.misses.length, result.misses.join('\n')).toBeLessThanOrEqual(1);
  }, 120_000);
});
