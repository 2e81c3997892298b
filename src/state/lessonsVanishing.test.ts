import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUANTILES } from '../engine/protocol';
import type { LayerDraft } from '../model/layers';
import { runLesson, type LessonRun } from '../testing/lessonRun';
import { lessons } from './lessons';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const files = {
  text: (file: string) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
  bytes: async (file: string) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
};

const lesson = lessons.vanishingGradients;
const withRelu: LayerDraft[] = lesson.layers.map((layer, i) => (i < lesson.layers.length - 1 ? { ...layer, activation: 'relu' } : layer));

/** The first layer's gradient norm over the output layer's, the geometric mean over the run's epochs. */
function gradientRatio(run: LessonRun): number {
  const last = run.trends.layers.length - 1;
  const logs = run.trends.rows.map((row) => Math.log10(row.gradientNorms[0]! / row.gradientNorms[last]!));
  return 10 ** (logs.reduce((a, b) => a + b, 0) / logs.length);
}

/** How much the first layer's middle 80 % of weights widened or narrowed over the run, relative to where it started. */
function firstLayerChange(run: LessonRun): number {
  // The first layer's columns come first: its 90 % and 10 % quantiles.
  const at = (share: number) => QUANTILES.indexOf(share as (typeof QUANTILES)[number]);
  const spread = (row: LessonRun['trends']['rows'][number]) => row.weightQuantiles[at(0.9)]! - row.weightQuantiles[at(0.1)]!;
  const first = run.trends.rows[0]!;
  const last = run.trends.rows.at(-1)!;
  return Math.abs(spread(last) - spread(first)) / spread(first);
}

describe('lesson 12, vanishing gradients (the JavaScript engine Auto picks, with the trends the view shows)', () => {
  it('a deep sigmoid stack: the first layer’s gradient is orders of magnitude below the output’s, it barely learns, the loss stays put; relu learns', async () => {
    const outcomes: boolean[] = [];
    for (const seed of [42, 1, 2, 3, 4, 5]) {
      const sigmoid = await runLesson(lesson, files, { seed, trends: true });
      const relu = await runLesson(lesson, files, { seed, trends: true, layers: withRelu });
      const ratio = gradientRatio(sigmoid);
      const held =
        ratio < 0.01 &&
        gradientRatio(relu) > 30 * ratio &&
        firstLayerChange(sigmoid) < 0.02 &&
        sigmoid.history.at(-1)!.loss > 0.6 &&
        relu.history.at(-1)!.valLoss < 0.2;
      if (seed === 42) {
        expect(ratio).toBeLessThan(0.01);
        expect(gradientRatio(relu)).toBeGreaterThan(30 * ratio);
        expect(firstLayerChange(sigmoid)).toBeLessThan(0.02);
        expect(sigmoid.history.at(-1)!.loss).toBeGreaterThan(0.6);
        expect(relu.history.at(-1)!.valLoss).toBeLessThan(0.2);
      }
      outcomes.push(held);
    }
    expect(outcomes.filter(Boolean).length).toBeGreaterThanOrEqual(5);
  }, 120_000);
});
