/**
 * The time-series lessons' phenomena, from the training history and the
 * final forecast a learner sees, on the engine Auto picks for recurrent
 * layers here (tfjs on WASM: the JavaScript engine leaves them to tfjs, and
 * WebGL is drawn in software), for the lesson's seed and most others.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { forecastLines, type ForecastErrors } from '../data/forecast';
import { naiveForecastMae, type PreparedSeries } from '../data/series';
import { acrossSeeds, epochsTo, runLesson } from '../testing/lessonRun';
import { lessons, type Lesson } from './lessons';

beforeAll(async () => {
  // The backend's .wasm files, from the package itself (no server in Node).
  setWasmPaths(fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
  expect(await tf.setBackend('wasm')).toBe(true);
});

const files = {
  text: (file: string) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
  bytes: async (file: string) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
};
const others = [1, 2, 3];
const fmt = (x: number) => x.toPrecision(3);

interface SeriesRun {
  valLosses: number[];
  /** The final val_loss in the series' units (it is an MAE on standardized values). */
  finalValMae: number;
  errors: ForecastErrors;
}

/** Each lesson and seed is trained once; both lessons' checks read the chronological runs. */
const cache = new Map<string, Promise<SeriesRun>>();
function train(lesson: Lesson, seed: number): Promise<SeriesRun> {
  const key = `${lesson.title} ${seed}`;
  if (!cache.has(key)) {
    cache.set(
      key,
      runLesson(lesson, files, { seed }).then((run) => {
        const prepared = run.prepared as PreparedSeries;
        if (!run.forecast) throw new Error('the run ended without a forecast');
        const valLosses = run.history.map((r) => r.valLoss);
        return {
          valLosses,
          finalValMae: valLosses.at(-1)! * prepared.targetScaling.scale,
          errors: forecastLines(run.table, prepared, run.forecast).errors,
        };
      }),
    );
  }
  return cache.get(key)!;
}

describe('the time-series lessons', () => {
  it('13. an LSTM on sunspots: val_loss drops below the naive forecast’s error within a few epochs and stays there', async () => {
    const lesson = lessons.recurrentSunspots;
    const table = (await runLesson({ ...lesson, config: { ...lesson.config, epochs: 1 } }, files)).table;
    const naive = naiveForecastMae(table, 0.2, 'standard');
    const result = await acrossSeeds(others, async (seed) => {
      const { valLosses, errors } = await train(lesson, seed);
      const first = epochsTo(valLosses, naive.scaledMae);
      const holds = first <= 8 && valLosses.slice(first - 1).every((v) => v < naive.scaledMae) && errors.oneStep < 0.8 * errors.naive;
      return holds ? null : `below the naive ${fmt(naive.scaledMae)} from epoch ${first}; val_loss ${valLosses.map(fmt).join(' ')}; one-step MAE ${fmt(errors.oneStep)} vs naive ${fmt(errors.naive)}`;
    });
    expect(result.lessonSeed).toBeNull();
    expect(result.misses.length, result.misses.join('\n')).toBeLessThanOrEqual(1);
  }, 300_000);

  it('14. shuffling time: val_loss looks far better than the chronological run’s, the error on the future does not', async () => {
    const result = await acrossSeeds(others, async (seed) => {
      const shuffled = await train(lessons.shuffledTime, seed);
      const honest = await train(lessons.recurrentSunspots, seed);
      const flattering = shuffled.finalValMae < 0.8 * shuffled.errors.oneStep;
      const looksBetter = shuffled.valLosses.at(-1)! < 0.8 * honest.valLosses.at(-1)!;
      const sameFuture = Math.abs(shuffled.errors.oneStep / honest.errors.oneStep - 1) < 0.2;
      return flattering && looksBetter && sameFuture
        ? null
        : `shuffled: val MAE ${fmt(shuffled.finalValMae)}, future ${fmt(shuffled.errors.oneStep)}; chronological: val_loss ${fmt(honest.valLosses.at(-1)!)} vs shuffled ${fmt(shuffled.valLosses.at(-1)!)}, future ${fmt(honest.errors.oneStep)}`;
    });
    expect(result.lessonSeed).toBeNull();
    expect(result.misses.length, result.misses.join('\n')).toBeLessThanOrEqual(1);
  }, 400_000);
});
