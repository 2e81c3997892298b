import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../data/datasets';
import { prepareData } from '../data/prepare';
import type { EpochRecord, RunOutcome } from '../engine/protocol';
import { RunControl } from '../engine/runControl';
import { runTraining } from '../engine/trainer';
import type { LayerDraft, LayerSpec } from '../model/layers';
import { defaultExperiment } from './defaults';
import { lessonConfig, lessons, type Lesson } from './lessons';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const files = {
  text: (file: string) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
  bytes: async (file: string) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
};

/** Trains a lesson's experiment on the CPU backend with its fixed seeds. */
async function runLesson(
  lesson: Lesson,
  layers: readonly LayerDraft[] = lesson.layers,
  engine: 'tfjs' | 'fused' = 'tfjs',
): Promise<{ history: EpochRecord[]; outcome: RunOutcome }> {
  const table = await loadDataset(lesson.dataset, files, 'synthetic' in lesson ? lesson.synthetic : undefined);
  const config = lessonConfig(lesson, defaultExperiment(lesson.dataset).config);
  const data = { ...prepareData(table, config.validationSplit, config.seed, config.scaling), grid: null };
  const history: EpochRecord[] = [];
  const withIds = layers.map((layer, i) => ({ ...layer, id: `l${i}` }) as LayerSpec);
  const result = await runTraining({ layers: withIds, task: table.task, config, data, engine }, new RunControl(), {
    onEpoch: (r) => history.push(r),
  });
  return { history, outcome: result.outcome };
}

describe('each lesson’s phenomenon appears (fixed seeds; the JavaScript engine where Auto picks it, else tfjs on CPU)', () => {
  it('overfitting: val_loss bottoms out before the end and ends at least 10 % above its minimum', async () => {
    const { history } = await runLesson(lessons.overfitting, lessons.overfitting.layers, 'fused');
    const vals = history.map((r) => r.valLoss);
    const min = Math.min(...vals);
    expect(vals.indexOf(min)).toBeLessThan(vals.length - 1);
    expect(vals[vals.length - 1]!).toBeGreaterThanOrEqual(1.1 * min);
    expect(history.at(-1)!.loss).toBeLessThan(history[vals.indexOf(min)]!.loss);
  });

  it('early stopping: stops before the epoch limit', async () => {
    const { history, outcome } = await runLesson(lessons.earlyStopping, lessons.earlyStopping.layers, 'fused');
    expect(outcome.kind).toBe('earlyStopped');
    expect(history.length).toBeLessThan(lessons.earlyStopping.config.epochs);
  });

  it('a learning rate too high: the run is reported as diverged', async () => {
    const { outcome } = await runLesson(lessons.tooHighLearningRate);
    expect(outcome.kind).toBe('diverged');
  });

  it('underfitting: both losses stay above a bound', async () => {
    const { history } = await runLesson(lessons.underfitting);
    const last = history.at(-1)!;
    expect(last.loss).toBeGreaterThan(0.6);
    expect(last.valLoss).toBeGreaterThan(0.6);
  });

  it('dropout: the gap between validation and training loss is narrower than without it, for most splits and seeds', async () => {
    // On the JavaScript engine, which Auto picks for this model and whose dropout masks follow the seed.
    // The gap is averaged over the last 20 epochs; the lesson's own seed and five others are tried, since
    // with 60 training points one split can go either way.
    const gap = (history: EpochRecord[]) => {
      const last = history.slice(-20);
      return last.reduce((sum, r) => sum + (r.valLoss - r.loss), 0) / last.length;
    };
    const narrower: boolean[] = [];
    for (const seed of [42, 1, 2, 3, 4, 5]) {
      const config = { ...lessons.overfitting.config, seed };
      const without = await runLesson({ ...lessons.overfitting, config }, lessons.overfitting.layers, 'fused');
      const withDropout = await runLesson({ ...lessons.dropout, config }, lessons.dropout.layers, 'fused');
      if (seed === 42) expect(gap(withDropout.history)).toBeLessThan(0.5 * gap(without.history));
      narrower.push(gap(withDropout.history) < gap(without.history));
    }
    expect(narrower.filter(Boolean).length).toBeGreaterThanOrEqual(5);
  });

  it('batch normalization: reaches the target loss in fewer epochs than without', async () => {
    const lesson = lessons.batchNormalization;
    const target = 12;
    const epochsTo = (history: EpochRecord[]) => {
      const index = history.findIndex((r) => r.valLoss < target);
      return index < 0 ? Number.POSITIVE_INFINITY : index + 1;
    };
    const withBn = await runLesson(lesson);
    const without = await runLesson(lesson, lesson.layers.filter((layer) => layer.kind !== 'batchNormalization'));
    expect(epochsTo(withBn.history)).toBeLessThan(epochsTo(without.history));
  });
}, 120_000);
