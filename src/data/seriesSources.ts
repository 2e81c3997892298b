import { parseCsvText } from './csvParse';
import { createRng } from './rng';
import type { SeriesWindow, Table } from './table';

/** The window a series starts with: 20 steps of history predicting the next step. */
export const DEFAULT_SERIES_WINDOW: SeriesWindow = { window: 20, horizon: 1 };

/**
 * A univariate series as a table: one row a step, the value both the one
 * input column and the predicted column.
 */
export function seriesTable(name: string, values: Float32Array, times: string[] | null, timeName: string | null, settings: SeriesWindow): Table {
  return {
    featureNames: [name],
    targetName: name,
    features: values,
    targets: values.slice(),
    numRows: values.length,
    task: { kind: 'regression' },
    modality: 'series',
    featureKinds: ['numeric'],
    series: { ...settings, timeName, times },
  };
}

/**
 * Reads a shipped series CSV: a time column first (year, month), the series
 * in the last column, rows in time order. Throws with a readable message
 * when the file is not like that.
 */
export function parseSeriesCsv(text: string, settings: SeriesWindow = DEFAULT_SERIES_WINDOW): Table {
  const parsed = parseCsvText(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const { columns, rows } = parsed.raw;
  if (columns.length < 2) throw new Error('a series file needs a time column and a value column');
  const last = columns.length - 1;
  const values = new Float32Array(rows.length);
  rows.forEach((row, i) => {
    const value = Number(row[last]);
    if (row[last]?.trim() === '' || !Number.isFinite(value)) throw new Error(`row ${i + 2}: "${row[last]}" is not a number`);
    values[i] = value;
  });
  return seriesTable(columns[last]!, values, rows.map((row) => row[0]!), columns[0]!, settings);
}

/** Names of the generated series. */
export type SeriesGeneratorName = 'noisySine' | 'sinesTrend' | 'squareWave';

/** Options of a generated series: its length in steps, the noise's standard deviation, the seed. */
export interface SeriesOptions {
  length: number;
  noise: number;
  seed: number;
}

/** Value of each generator at step t, before noise. */
const shapes: Record<SeriesGeneratorName, (t: number) => number> = {
  // A period of 25 steps: a 20-step window sees most of one cycle.
  noisySine: (t) => Math.sin((2 * Math.PI * t) / 25),
  // Two cycles (40 and 9 steps) on a slow rise: the model must extrapolate the trend past the training part.
  sinesTrend: (t) => Math.sin((2 * Math.PI * t) / 40) + 0.5 * Math.sin((2 * Math.PI * t) / 9) + 0.004 * t,
  // ±1 with a period of 30 steps: flat stretches and sudden jumps, where the naive forecast is perfect but for the jumps.
  squareWave: (t) => (Math.floor(t / 15) % 2 === 0 ? 1 : -1),
};

/** A generated series with seeded Gaussian noise. */
export function generateSeries(name: SeriesGeneratorName, options: SeriesOptions, settings: SeriesWindow = DEFAULT_SERIES_WINDOW): Table {
  const rng = createRng(options.seed);
  const values = new Float32Array(options.length);
  for (let t = 0; t < options.length; t++) values[t] = shapes[name](t) + options.noise * rng.normal();
  return seriesTable('value', values, null, null, settings);
}
