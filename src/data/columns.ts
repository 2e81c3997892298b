import type { TaskSpec } from '../model/task';
import type { RawCsv } from './csvParse';

/** What a column holds, read from its cells. */
export interface ColumnInfo {
  name: string;
  /** numeric: every present cell is a number; otherwise categorical (text). */
  type: 'numeric' | 'categorical';
  /** Empty cells and the usual markers of a missing value. */
  missing: number;
  /** Distinct present values, sorted (numbers numerically), at most MAX_DISTINCT + 1 of them. */
  distinct: string[];
  /** For numeric columns, over the present cells. */
  stats: { min: number; max: number; mean: number; std: number } | null;
}

/** Cells read as missing, as pandas does by default (a useful subset). */
const missingMarkers = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?', '-']);
export const isMissing = (cell: string): boolean => missingMarkers.has(cell.trim().toLowerCase());

/** More distinct values than this and a text column is no category. */
export const MAX_DISTINCT = 50;

export function describeColumns(raw: RawCsv): ColumnInfo[] {
  return raw.columns.map((name, col) => {
    let missing = 0;
    let numeric = true;
    const distinct = new Set<string>();
    let sum = 0;
    let sumSq = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let count = 0;
    for (const row of raw.rows) {
      const cell = row[col]!.trim();
      if (isMissing(cell)) {
        missing++;
        continue;
      }
      if (distinct.size <= MAX_DISTINCT) distinct.add(cell);
      const value = Number(cell);
      if (!Number.isFinite(value)) {
        numeric = false;
        continue;
      }
      count++;
      sum += value;
      sumSq += value * value;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    const mean = count > 0 ? sum / count : 0;
    const values = [...distinct];
    values.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => a.localeCompare(b));
    return {
      name,
      type: numeric ? 'numeric' : 'categorical',
      missing,
      distinct: values,
      stats: numeric && count > 0 ? { min, max, mean, std: Math.sqrt(Math.max(0, sumSq / count - mean * mean)) } : null,
    };
  });
}

/**
 * The task a target column suggests: text or 0/1 or a few whole numbers are
 * classes; other numbers are a quantity to predict. The person can override it.
 */
export function inferTask(column: ColumnInfo): TaskSpec {
  const many = column.distinct.length > MAX_DISTINCT;
  if (column.type === 'categorical') {
    return column.distinct.length === 2 ? { kind: 'binary' } : { kind: 'multiclass', numClasses: Math.min(column.distinct.length, MAX_DISTINCT) };
  }
  const wholeNumbers = column.distinct.every((value) => Number.isInteger(Number(value)));
  if (!many && column.distinct.length === 2 && column.distinct.join() === '0,1') return { kind: 'binary' };
  if (!many && wholeNumbers && column.distinct.length >= 3 && column.distinct.length <= 10) {
    return { kind: 'multiclass', numClasses: column.distinct.length };
  }
  return { kind: 'regression' };
}
