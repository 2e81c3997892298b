/**
 * Trains a lesson's experiment outside the browser and measures what its
 * history shows, for the tests that check each lesson's phenomenon. The
 * measures read the history a learner sees (per-epoch losses and, where the
 * trainer reports them, per-step losses), never the fit badge.
 */
import { loadDataset, type FileSource } from '../data/datasets';
import { seriesProbeSetup } from '../data/forecast';
import { prepareData, type PreparedData } from '../data/prepare';
import type { SyntheticOptions } from '../data/synthetic';
import type { Table } from '../data/table';
import type { EpochRecord, ForecastProbe, RunOutcome } from '../engine/protocol';
import { canFuse } from '../engine/fused/stages';
import { RunControl } from '../engine/runControl';
import { runTraining } from '../engine/trainer';
import type { LayerDraft, LayerSpec } from '../model/layers';
import type { TrainingConfig } from '../model/trainingConfig';
import { defaultExperiment } from '../state/defaults';
import { appendTrends, emptyTrends, type TrendLog } from '../state/trendLog';
import { lessonConfig, type Lesson } from '../state/lessons';

/** The lesson's own seed, which every lesson test checks first. */
export const LESSON_SEED = 42;

export interface LessonRun {
  history: EpochRecord[];
  /** Each layer's gradient norm and weight spread per epoch, when the variant asked for them. */
  trends: TrendLog;
  /** Each epoch's per-batch training losses, in order. */
  steps: Float32Array[];
  outcome: RunOutcome;
  /** A series model's last forecast (the trainer measures one as the run ends), else null. */
  forecast: ForecastProbe | null;
  /** The arrays the run trained on (in Node nothing moves their buffers away). */
  prepared: PreparedData;
  table: Table;
}

export interface LessonVariant {
  layers?: readonly LayerDraft[];
  /** Replaces parts of the lesson's config (seed, learning rate, batch size, …). */
  config?: Partial<TrainingConfig>;
  /** Replaces the synthetic set's options (its own seed, for instance). */
  synthetic?: SyntheticOptions;
  /**
   * Moves config.seed (initial weights, split, shuffle) and, for a synthetic
   * set, the set's own seed, so each seed is a fresh draw of the data too.
   * The lesson's seed (42) leaves both as the lesson has them.
   */
  seed?: number;
  /** 'fused' is the JavaScript engine that Auto picks for dense models in the browser; tfjs where it cannot (recurrent layers); tfjs when said. */
  engine?: 'tfjs' | 'fused';
  /** Measure the layer trends, as the Gradients and weights view does. */
  trends?: boolean;
}

/** Trains a lesson (or a variant of it) with its fixed seeds, on the given engine. */
export async function runLesson(lesson: Lesson, files: FileSource, variant: LessonVariant = {}): Promise<LessonRun> {
  const seed = variant.seed ?? LESSON_SEED;
  const ownSynthetic = lesson.synthetic && seed !== LESSON_SEED ? { ...lesson.synthetic, seed: lesson.synthetic.seed * 1000 + seed } : lesson.synthetic;
  const table = await loadDataset(lesson.dataset, files, variant.synthetic ?? ownSynthetic);
  const config = { ...lessonConfig(lesson, defaultExperiment(lesson.dataset).config), seed, ...variant.config };
  const prepared = prepareData(table, config.validationSplit, config.seed, config.scaling, config.seriesSplit);
  const data = { ...prepared, grid: null, series: seriesProbeSetup(table, prepared) };
  const history: EpochRecord[] = [];
  const steps: Float32Array[] = [];
  const layers = (variant.layers ?? lesson.layers).map((layer, i) => ({ ...layer, id: `l${i}` }) as LayerSpec);
  const control = new RunControl();
  if (variant.trends) control.probes = ['trends'];
  let trends = emptyTrends;
  let forecast: ForecastProbe | null = null;
  const engine = variant.engine ?? (canFuse(data.inputShape, layers) ? 'fused' : 'tfjs');
  const result = await runTraining({ layers, task: table.task, config, data, engine }, control, {
    onEpoch: (record, _weights, stepLosses) => {
      history.push(record);
      steps.push(stepLosses);
    },
    onProbe: (_epoch, probe) => {
      if (probe.trends) trends = appendTrends(trends, probe.trends);
      if (probe.forecast) forecast = probe.forecast;
    },
  });
  return { history, trends, steps, outcome: result.outcome, forecast, prepared, table };
}

/** First epoch (from 1) whose value is below `target`; Infinity when none is. */
export function epochsTo(values: readonly number[], target: number): number {
  const index = values.findIndex((v) => v < target);
  return index < 0 ? Number.POSITIVE_INFINITY : index + 1;
}

/** Mean absolute change between consecutive values: how much a curve jitters from one point to the next. */
export function meanAbsDelta(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 1; i < values.length; i++) sum += Math.abs(values[i]! - values[i - 1]!);
  return values.length > 1 ? sum / (values.length - 1) : 0;
}

/**
 * Jitter relative to trend: the mean |Δ| of the values minus the net change
 * per step, over the mean level. A curve that falls smoothly scores near 0;
 * one that zigzags scores high whether it is falling or not.
 */
export function relativeJitter(values: ArrayLike<number>): number {
  if (values.length < 3) return 0;
  const n = values.length;
  const net = Math.abs(values[n - 1]! - values[0]!) / (n - 1);
  let level = 0;
  for (let i = 0; i < n; i++) level += Math.abs(values[i]!);
  level /= n;
  return Math.max(0, meanAbsDelta(values) - net) / level;
}

/** Largest ratio of a value to the minimum of the values before it, from index `from` on: how far a curve jumps back up. */
export function worstJumpOverRunningMin(values: readonly number[], from: number): number {
  let min = Math.min(...values.slice(0, from));
  let worst = 0;
  for (let i = from; i < values.length; i++) {
    worst = Math.max(worst, values[i]! / min);
    min = Math.min(min, values[i]!);
  }
  return worst;
}

/**
 * Runs a check for the lesson's seed and for other seeds; the check returns
 * null when the phenomenon holds, else what was seen. Returns what failed,
 * for the test to assert on (the lesson's seed must pass; at most
 * `allowedMisses` of the others may not).
 */
export async function acrossSeeds(
  others: readonly number[],
  check: (seed: number) => Promise<string | null>,
): Promise<{ lessonSeed: string | null; misses: string[] }> {
  const lessonSeed = await check(LESSON_SEED);
  const misses: string[] = [];
  for (const seed of others) {
    const seen = await check(seed);
    if (seen !== null) misses.push(`seed ${seed}: ${seen}`);
  }
  return { lessonSeed, misses };
}
