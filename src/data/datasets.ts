import type { TaskSpec } from '../model/task';
import { parseNumericCsv } from './csv';
import { generate, type GeneratorName, type SyntheticOptions } from './synthetic';
import type { Table } from './table';

/** Where a shipped dataset comes from and under which terms, shown in "About the data". */
export interface Credit {
  origin: string;
  via: string;
  licence: string;
  url: string;
}

export type DatasetSource =
  | { kind: 'synthetic'; generator: GeneratorName; options: SyntheticOptions }
  | { kind: 'csv'; file: string; task: TaskSpec; drop?: readonly string[] };

export interface DatasetInfo {
  label: string;
  description: string;
  source: DatasetSource;
  credit?: Credit;
}

export const datasets = {
  concrete: {
    label: 'Concrete (regression)',
    description:
      'Compressive strength of 1,030 concrete mixes (MPa) from their 8 ingredients and age. The course uses it for deep regression networks.',
    source: { kind: 'csv', file: 'concrete.csv', task: { kind: 'regression' } },
    credit: {
      origin: 'I-Cheng Yeh (1998), Concrete Compressive Strength, UCI Machine Learning Repository',
      via: 'Debian package r-cran-modeldata 1.1.0',
      licence: 'CC BY 4.0',
      url: 'https://archive.ics.uci.edu/dataset/165/concrete+compressive+strength',
    },
  },
  circle: {
    label: 'Circle (2-D)',
    description: 'A disk of one class inside a ring of the other: no straight line separates them.',
    source: { kind: 'synthetic', generator: 'circle', options: { numPoints: 500, noise: 0.2, seed: 1 } },
  },
  spiral: {
    label: 'Spiral (2-D)',
    description: 'Two interleaved spiral arms: a hard boundary that needs a deeper network.',
    source: { kind: 'synthetic', generator: 'spiral', options: { numPoints: 500, noise: 0.1, seed: 1 } },
  },
} as const satisfies Record<string, DatasetInfo>;

export type DatasetId = keyof typeof datasets;

export const datasetIds = Object.keys(datasets) as DatasetId[];

export function isDatasetId(value: string): value is DatasetId {
  return Object.hasOwn(datasets, value);
}

/** Reads a shipped file's text; the browser passes a fetch, tests read from disk. */
export type FetchText = (file: string) => Promise<string>;

/** Loads or generates a dataset. Throws with a readable message when a shipped file is malformed. */
export async function loadDataset(id: DatasetId, fetchText: FetchText): Promise<Table> {
  const source: DatasetSource = datasets[id].source;
  if (source.kind === 'synthetic') return generate(source.generator, source.options);
  const parsed = parseNumericCsv(await fetchText(source.file), {
    task: source.task,
    ...(source.drop ? { drop: source.drop } : {}),
  });
  if (!parsed.ok) throw new Error(`${source.file}: ${parsed.message}`);
  return parsed.table;
}
