import { describeTask, type TaskSpec } from '../model/task';
import { isAbsent, MAX_DISTINCT, type ColumnInfo } from './columns';
import type { RawCsv } from './csvParse';
import { buildSeriesTable } from './csvSeries';
import { DEFAULT_SERIES_WINDOW } from './seriesSources';
import type { Encoding, SeriesWindow, Table } from './table';

/** The person's choices for turning a CSV into a table. */
export interface ColumnPlan {
  target: string;
  /** Columns left out; every other column is a feature. */
  ignored: string[];
  task: TaskSpec;
  /** Rows with a missing feature: dropped, or filled with the training mean. */
  missing: 'drop' | 'mean';
  /**
   * The column whose times order the rows, when the file is read as a time
   * series (see csvSeries.ts); absent or null for a table of independent
   * rows. In a series the target is also an input unless it is in `ignored`.
   */
  time?: string | null;
}

/** What building the table did, shown beside the data. */
export interface BuildReport {
  rowsKept: number;
  /** Rows dropped for a missing target or (with 'drop') a missing feature. */
  droppedRows: number;
  /** Missing numeric cells left to be filled with the training mean. */
  cellsToFill: number;
  encodings: Encoding[];
  /** For a series: the column that ordered the rows, and whether the file had them in another order. */
  timeOrder?: { column: string; reordered: boolean };
}

export type BuildResult = { ok: true; table: Table; report: BuildReport } | { ok: false; message: string };

/** The plan a fresh upload starts with: the last column as target, its inferred task, missing rows dropped. */
export function checkPlan(columns: readonly ColumnInfo[], plan: ColumnPlan): string | null {
  const target = columns.find((column) => column.name === plan.target);
  if (!target) return `There is no column named "${plan.target}" to predict.`;
  if (plan.task.kind === 'regression' && target.type !== 'numeric') {
    return `The target "${target.name}" holds text, so it cannot be predicted as a number: choose classification.`;
  }
  if (plan.task.kind !== 'regression') {
    if (target.distinct.length > MAX_DISTINCT) {
      return target.type === 'numeric'
        ? `The target "${target.name}" has more than ${MAX_DISTINCT} different values, too many classes; predict it as a number (regression) instead.`
        : `The target "${target.name}" holds text with more than ${MAX_DISTINCT} different values (names or ids?), too many classes to predict; choose another target.`;
    }
    if (target.distinct.length < 2) return `The target "${target.name}" has only one value: there is nothing to tell apart.`;
    if (plan.task.kind === 'binary' && target.distinct.length !== 2) {
      return `Binary classification needs exactly 2 classes; "${target.name}" has ${target.distinct.length}. Choose multi-class.`;
    }
  }
  const features = columns.filter((column) => column.name !== plan.target && !plan.ignored.includes(column.name));
  if (features.length === 0) return 'Every column other than the target is ignored: keep at least one feature.';
  const empty = features.find((column) => column.distinct.length === 0);
  if (empty) return `Column "${empty.name}" has no values at all (every cell is missing or not a finite number); leave it out.`;
  const wide = features.find((column) => column.type === 'categorical' && column.distinct.length > MAX_DISTINCT);
  if (wide) {
    return `Column "${wide.name}" has more than ${MAX_DISTINCT} different text values (an id or free text?); ignore it.`;
  }
  return null;
}

/**
 * Builds a table from a CSV and a plan: numeric columns as they are,
 * categorical ones one-hot encoded (`origin=USA`, `origin=Japan`, ...), the
 * target as a number or a class index. Rows missing their target are
 * dropped; rows missing a feature are dropped or kept for filling. With a
 * time column in the plan the file becomes a time series cut into windows
 * of `window` instead.
 */
export function buildTable(raw: RawCsv, columns: readonly ColumnInfo[], plan: ColumnPlan, window: SeriesWindow = DEFAULT_SERIES_WINDOW): BuildResult {
  if (plan.time) return buildSeriesTable(raw, columns, plan, window);
  const problem = checkPlan(columns, plan);
  if (problem) return { ok: false, message: problem };
  const targetIndex = columns.findIndex((column) => column.name === plan.target);
  const target = columns[targetIndex]!;
  const featureColumns = columns.flatMap((column, index) =>
    index === targetIndex || plan.ignored.includes(column.name) ? [] : [{ column, index }],
  );
  const featureNames: string[] = [];
  const featureKinds: ('numeric' | 'onehot')[] = [];
  const encodings: Encoding[] = [];
  for (const { column } of featureColumns) {
    if (column.type === 'numeric') {
      featureNames.push(column.name);
      featureKinds.push('numeric');
    } else {
      encodings.push({ column: column.name, categories: column.distinct });
      for (const category of column.distinct) {
        featureNames.push(`${column.name}=${category}`);
        featureKinds.push('onehot');
      }
    }
  }
  const classNames = plan.task.kind === 'regression' ? undefined : target.distinct;
  const classIndex = new Map(classNames?.map((name, i) => [name, i]));
  const width = featureNames.length;
  const features: number[] = [];
  const targets: number[] = [];
  let droppedRows = 0;
  let cellsToFill = 0;
  for (const row of raw.rows) {
    const targetCell = row[targetIndex]!.trim();
    // Infinity and numbers beyond float32 count as missing in a numeric column: they would reach the model as Infinity.
    const missingFeature = featureColumns.some(({ column, index }) => column.type === 'numeric' && isAbsent(column, row[index]!));
    if (isAbsent(target, targetCell) || (missingFeature && plan.missing === 'drop')) {
      droppedRows++;
      continue;
    }
    targets.push(classNames ? classIndex.get(targetCell)! : Number(targetCell));
    for (const { column, index } of featureColumns) {
      const cell = row[index]!.trim();
      if (column.type === 'numeric') {
        const absent = isAbsent(column, cell);
        if (absent) cellsToFill++;
        features.push(absent ? Number.NaN : Number(cell));
      } else {
        for (const category of column.distinct) features.push(cell === category ? 1 : 0);
      }
    }
  }
  if (targets.length < 2) {
    return { ok: false, message: `Only ${targets.length} row${targets.length === 1 ? '' : 's'} would be left after dropping rows with missing values.` };
  }
  return {
    ok: true,
    table: {
      featureNames,
      targetName: target.name,
      features: Float32Array.from(features),
      targets: Float32Array.from(targets),
      numRows: targets.length,
      task: plan.task,
      modality: width === 2 && featureKinds.every((kind) => kind === 'numeric') ? 'plane' : 'tabular',
      featureKinds,
      encodings,
      ...(classNames ? { classNames } : {}),
    },
    report: { rowsKept: targets.length, droppedRows, cellsToFill, encodings },
  };
}

/** A sentence about the table, such as "392 rows; origin one-hot encoded into 3 columns". */
export function describeReport(report: BuildReport, task: TaskSpec): string {
  const parts = report.timeOrder
    ? [`A time series of ${report.rowsKept.toLocaleString('en-US')} steps ordered by "${report.timeOrder.column}", predicting a number`]
    : [`${report.rowsKept.toLocaleString('en-US')} rows, ${describeTask(task)}`];
  if (report.timeOrder?.reordered) parts.push('the rows were not in time order, so they were sorted by time');
  if (report.droppedRows > 0) parts.push(`${report.droppedRows} rows with missing values dropped`);
  if (report.cellsToFill > 0) parts.push(`${report.cellsToFill} missing cells filled with the training mean`);
  for (const { column, categories } of report.encodings) parts.push(`${column} one-hot encoded into ${categories.length} columns`);
  return `${parts.join('; ')}.`;
}
