import type { BuildReport, BuildResult, ColumnPlan } from './buildTable';
import { isAbsent, type ColumnInfo } from './columns';
import type { RawCsv } from './csvParse';
import type { SeriesWindow } from './table';
import { orderByTime } from './timeColumn';

/**
 * An uploaded CSV read as a time series: one row a time step, ordered by
 * its time column. The inputs at each step are the numeric columns the
 * person keeps (the predicted column among them unless they leave it out),
 * the target is the predicted column at the step; data/series.ts cuts the
 * rows into windows.
 */

/** The columns the model sees at each step: every one but the time column and those left out (the target only if left out). */
export function seriesInputs(columns: readonly ColumnInfo[], plan: ColumnPlan): ColumnInfo[] {
  return columns.filter((column) => column.name !== plan.time && !plan.ignored.includes(column.name));
}

/** Why a plan cannot make a series of the file, in plain words; null when it can. */
export function checkSeriesPlan(columns: readonly ColumnInfo[], plan: ColumnPlan): string | null {
  const time = columns.find((column) => column.name === plan.time);
  if (!time) return `There is no column named "${plan.time}" to order the rows by.`;
  const target = columns.find((column) => column.name === plan.target);
  if (!target) return `There is no column named "${plan.target}" to predict.`;
  if (target === time) return `"${time.name}" holds the times the rows are ordered by; choose another column to predict.`;
  if (target.type !== 'numeric' || target.distinct.length === 0) {
    return `The predicted column "${target.name}" ${target.type === 'numeric' ? 'has no values' : 'holds text'}; a series predicts a number at each step, so choose a column of numbers.`;
  }
  const inputs = seriesInputs(columns, plan);
  if (inputs.length === 0) return 'No column is an input: keep at least one column of numbers for the model to see at each step.';
  const text = inputs.find((column) => column.type !== 'numeric');
  if (text) return `"${text.name}" holds text, and the inputs of a series are numbers at each step: leave it out of the inputs.`;
  const empty = inputs.find((column) => column.distinct.length === 0);
  if (empty) return `"${empty.name}" has no values at all (every cell is missing or not a finite number); leave it out of the inputs.`;
  return null;
}

/**
 * Builds the series: rows missing the predicted value are dropped (and,
 * with 'drop', rows missing an input), the rest put in time order. Refuses
 * a file whose times are missing, unreadable, written in several ways or
 * repeated, saying which rows.
 */
export function buildSeriesTable(raw: RawCsv, columns: readonly ColumnInfo[], plan: ColumnPlan, window: SeriesWindow): BuildResult {
  const problem = checkSeriesPlan(columns, plan);
  if (problem) return { ok: false, message: problem };
  const index = (name: string): number => columns.findIndex((column) => column.name === name);
  const targetIndex = index(plan.target);
  const target = columns[targetIndex]!;
  const inputs = seriesInputs(columns, plan).map((column) => ({ column, index: index(column.name) }));
  const kept: number[] = [];
  raw.rows.forEach((row, r) => {
    const missingInput = inputs.some(({ column, index: i }) => isAbsent(column, row[i]!));
    if (!isAbsent(target, row[targetIndex]!) && !(missingInput && plan.missing === 'drop')) kept.push(r);
  });
  if (kept.length < 2) {
    return { ok: false, message: `Only ${kept.length} row${kept.length === 1 ? '' : 's'} would be left after dropping rows with missing values.` };
  }
  const time = columns[index(plan.time!)]!;
  const ordered = orderByTime(raw, time, kept, raw.hasHeader ? 2 : 1);
  if (!ordered.ok) return { ok: false, message: ordered.message };
  const width = inputs.length;
  const features = new Float32Array(ordered.order.length * width);
  const targets = new Float32Array(ordered.order.length);
  const timeIndex = index(time.name);
  let cellsToFill = 0;
  ordered.order.forEach((r, step) => {
    const row = raw.rows[r]!;
    targets[step] = Number(row[targetIndex]!.trim());
    inputs.forEach(({ column, index: i }, c) => {
      const absent = isAbsent(column, row[i]!);
      if (absent) cellsToFill++;
      features[step * width + c] = absent ? Number.NaN : Number(row[i]!.trim());
    });
  });
  const report: BuildReport = {
    rowsKept: ordered.order.length,
    droppedRows: raw.rows.length - ordered.order.length,
    cellsToFill,
    encodings: [],
    timeOrder: { column: time.name, reordered: ordered.reordered },
  };
  return {
    ok: true,
    table: {
      featureNames: inputs.map(({ column }) => column.name),
      targetName: target.name,
      features,
      targets,
      numRows: ordered.order.length,
      task: { kind: 'regression' },
      modality: 'series',
      featureKinds: inputs.map(() => 'numeric'),
      encodings: [],
      series: { window: window.window, horizon: window.horizon, timeName: time.name, times: ordered.order.map((r) => raw.rows[r]![timeIndex]!.trim()) },
    },
    report,
  };
}
