import { buildTable, type BuildReport, type ColumnPlan } from '../data/buildTable';
import { hasNoValues, isFreeText, listNames, noTargetMessage } from '../data/columnNotes';
import { inferTask, MAX_DISTINCT, type ColumnInfo } from '../data/columns';
import type { RawCsv } from '../data/csvParse';
import { splitSizes } from '../data/split';
import type { SeriesWindow, Table } from '../data/table';
import { detectTimeColumns, type TimeColumn } from '../data/timeColumn';
import type { ActivationName } from '../model/activations';
import { defaultEarlyStopping } from '../model/earlyStopping';
import type { LayerSpec } from '../model/layers';
import { defaultLossFor } from '../model/losses';
import { outputUnits, type TaskSpec } from '../model/task';
import type { Experiment } from './defaults';

/** A CSV the person brought, with their choices for it. */
export interface CustomData {
  fileName: string;
  raw: RawCsv;
  columns: ColumnInfo[];
  /** Columns that read as times: the file can be a time series ordered by one of them. */
  timeColumns: TimeColumn[];
  plan: ColumnPlan;
}

/** Builds the uploaded table (a series cut into `window`'s windows when the plan names a time column), or says why it cannot be built. */
export function buildCustomTable(custom: CustomData, window?: SeriesWindow): { table: Table; report: BuildReport } | { error: string } {
  const built = buildTable(custom.raw, custom.columns, custom.plan, window);
  return built.ok ? { table: built.table, report: built.report } : { error: built.message };
}

/** A column that can be predicted: a number, or text with a few (at least two) different values. */
const canBeTarget = (column: ColumnInfo): boolean => column.distinct.length >= 2 && !isFreeText(column);

export type UploadPlan = { ok: true; custom: CustomData; table: Table; report: BuildReport } | { ok: false; message: string };

/**
 * The plan a fresh upload starts with, already built into a table: the last
 * column that can be predicted as the target, with the task it suggests, and
 * free-text columns left out of the features. Rows with a missing value are
 * dropped, or filled when dropping would leave too few. A file no plan can
 * use is refused with the reason, so the experiment on screen stays.
 */
export function planUpload(
  fileName: string,
  raw: RawCsv,
  columns: readonly ColumnInfo[],
  timeColumns: readonly TimeColumn[] = detectTimeColumns(raw, columns),
): UploadPlan {
  // Training holds rows out for validation: one row cannot be both learned from and checked on.
  if (raw.rows.length < 2) {
    return { ok: false, message: 'The file has only one row of data; a model needs many rows to learn from (at least 2: one to train on, one to check it on).' };
  }
  const target = columns.findLast(canBeTarget);
  if (!target) return { ok: false, message: noTargetMessage(columns) };
  // Left out, and said so beside the table (columnNotes): free text cannot be encoded, and an empty column has nothing to give.
  const leftOut = columns.filter((column) => column !== target && (isFreeText(column) || hasNoValues(column)));
  const ignored = leftOut.map((column) => column.name);
  if (ignored.length === columns.length - 1) {
    const empty = leftOut.filter(hasNoValues).map((column) => column.name);
    const text = leftOut.filter(isFreeText).map((column) => column.name);
    const reasons = [
      ...(text.length > 0 ? [`${listNames(text)} ${text.length === 1 ? 'holds' : 'hold'} text with more than ${MAX_DISTINCT} different values (such as names or ids)`] : []),
      ...(empty.length > 0 ? [`${listNames(empty)} ${empty.length === 1 ? 'has' : 'have'} no values at all`] : []),
    ];
    return {
      ok: false,
      message: `Only "${target.name}" can be used: ${reasons.join('; ')}, so there is nothing to predict it from.`,
    };
  }
  let failure = '';
  for (const missing of ['drop', 'mean'] as const) {
    const custom: CustomData = {
      fileName,
      raw,
      columns: [...columns],
      timeColumns: [...timeColumns],
      plan: { target: target.name, ignored, task: inferTask(target), missing },
    };
    const built = buildCustomTable(custom);
    if (!('error' in built)) return { ok: true, custom, ...built };
    failure ||= built.error;
  }
  return { ok: false, message: failure };
}

/**
 * The plan when the person reads the file as a series ordered by `time`
 * (or, with null, as a table again). A series predicts a number from numbers:
 * the target becomes a numeric column other than the time, text columns are
 * left out of the inputs, and the target is an input too. Back to a table,
 * the columns are used as a fresh upload uses them.
 */
export function planWithTime(custom: CustomData, time: string | null): ColumnPlan {
  const { columns, plan } = custom;
  if (time === null) {
    const target = columns.find((column) => column.name === plan.target && canBeTarget(column)) ?? columns.findLast(canBeTarget);
    if (!target) return { ...plan, time: null };
    const ignored = columns.filter((column) => column !== target && (isFreeText(column) || hasNoValues(column))).map((column) => column.name);
    return { target: target.name, ignored, task: inferTask(target), missing: plan.missing, time: null };
  }
  const numeric = (column: ColumnInfo): boolean => column.name !== time && column.type === 'numeric' && !hasNoValues(column);
  const target = columns.find((column) => column.name === plan.target && numeric(column)) ?? columns.findLast(numeric);
  const ignored = columns.filter((column) => column.name !== time && column !== target && !numeric(column)).map((column) => column.name);
  return { target: target?.name ?? plan.target, ignored, task: { kind: 'regression' }, missing: plan.missing, time };
}

const VALIDATION_SPLIT = 0.2;

/**
 * A model for an uploaded series, as the shipped series open with: LSTM(32)
 * → Dense(1) on MAE, with a batch no larger than the training windows.
 */
export function customSeriesExperiment(numRows: number, window: SeriesWindow): Experiment {
  const split = splitSizes(Math.max(2, numRows), VALIDATION_SPLIT).train;
  const examples = Math.max(1, split - window.window - window.horizon + 1);
  return {
    layers: [
      { id: 'custom-1', kind: 'lstm', units: 32, activation: 'tanh', returnSequences: false },
      { id: 'custom-2', kind: 'dense', units: 1, activation: 'linear' },
    ],
    config: {
      ...customExperiment({ kind: 'regression' }, numRows).config,
      learningRate: 0.01,
      loss: 'mae',
      epochs: 50,
      batchSize: Math.min(32, 2 ** Math.floor(Math.log2(examples))),
    },
  };
}

const outputActivation = (task: TaskSpec): ActivationName =>
  task.kind === 'regression' ? 'linear' : task.kind === 'binary' ? 'sigmoid' : 'softmax';

/**
 * A model for a task of the person's data: two hidden layers, the output the
 * task asks for, and a batch size no larger than the training split.
 */
export function customExperiment(task: TaskSpec, numRows: number): Experiment {
  const trainRows = splitSizes(Math.max(2, numRows), VALIDATION_SPLIT).train;
  const batchSize = Math.min(32, 2 ** Math.floor(Math.log2(trainRows)));
  const layers: LayerSpec[] = [
    { id: 'custom-1', kind: 'dense', units: 32, activation: 'relu' },
    { id: 'custom-2', kind: 'dense', units: 32, activation: 'relu' },
    { id: 'custom-3', kind: 'dense', units: outputUnits(task), activation: outputActivation(task) },
  ];
  return {
    layers,
    config: {
      optimizer: 'adam',
      learningRate: 0.003,
      batchSize,
      epochs: 100,
      loss: defaultLossFor(task),
      validationSplit: VALIDATION_SPLIT,
      scaling: 'standard',
      seed: 42,
      earlyStopping: defaultEarlyStopping,
    },
  };
}
