import type { TaskSpec } from '../model/task';
import type { RawCsv } from './csvParse';

/** What a column holds, read from its cells. */
export interface ColumnInfo {
  name: string;
  /** numeric: every present cell is a number; otherwise categorical (text). */
  type: 'numeric' | 'categorical';
  /** Empty cells and the usual markers of a missing value; in a numeric column, the `nonFinite` cells too. */
  missing: number;
  /**
   * Cells of a numeric column that spell a number no float32 holds
   * (`Infinity`, `-inf`, `1e309`, `#DIV/0!`): treated as missing, and
   * counted apart so the page can say so. Always 0 for a text column,
   * where such a cell is just another text value.
   */
  nonFinite: number;
  /** Distinct present values, sorted (numbers numerically), at most MAX_DISTINCT + 1 of them. */
  distinct: string[];
  /** For numeric columns, over the present cells. */
  stats: { min: number; max: number; mean: number; std: number } | null;
}

/** Cells read as missing: pandas's default markers (in any case), and `?` and `-` as UCI files write them. */
const missingMarkers = new Set([
  '', 'na', 'n/a', 'nan', '-nan', '+nan', 'null', 'none', '?', '-',
  '#n/a', '#n/a n/a', '#na', '<na>', '1.#ind', '-1.#ind', '1.#qnan', '-1.#qnan',
]);
export const isMissing = (cell: string): boolean => missingMarkers.has(cell.trim().toLowerCase());

/** Infinity as programs and spreadsheets write it: `inf`, `-Infinity`, `1.#INF` (old C runtimes), `#DIV/0!` and `#NUM!` (Excel). */
const infinitySpellings = /^[+-]?(inf|infinity|1\.#inf0*)$|^#(div\/0!|num!)$/i;

/**
 * What a cell holds, for a column of numbers. Features and targets are
 * float32, so a number beyond its range (1e39, or 1e309, beyond even
 * float64's) is as unusable as Infinity spelled out: both are 'nonFinite'.
 */
export function cellKind(cell: string): 'missing' | 'number' | 'nonFinite' | 'text' {
  const trimmed = cell.trim();
  if (isMissing(trimmed)) return 'missing';
  const value = Number(trimmed);
  if (Number.isFinite(Math.fround(value))) return 'number';
  if (!Number.isNaN(value) || infinitySpellings.test(trimmed)) return 'nonFinite';
  return 'text';
}

/** A cell that counts as missing in this column: in a numeric column, a non-finite number too. */
export const isAbsent = (column: Pick<ColumnInfo, 'type'>, cell: string): boolean => {
  const kind = cellKind(cell);
  return kind === 'missing' || (column.type === 'numeric' && kind === 'nonFinite');
};

/** More distinct values than this and a text column is no category. */
export const MAX_DISTINCT = 50;

export function describeColumns(raw: RawCsv): ColumnInfo[] {
  return raw.columns.map((name, col) => {
    let missing = 0;
    let nonFinite = 0;
    let numeric = true;
    /** Every present cell's text, and the finite numbers alone: which one is kept depends on the column's type. */
    const distinct = new Set<string>();
    const distinctNumbers = new Set<string>();
    let sum = 0;
    let sumSq = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let count = 0;
    for (const row of raw.rows) {
      const cell = row[col]!.trim();
      const kind = cellKind(cell);
      if (kind === 'missing') {
        missing++;
        continue;
      }
      if (distinct.size <= MAX_DISTINCT) distinct.add(cell);
      if (kind === 'text') numeric = false;
      if (kind !== 'number') {
        if (kind === 'nonFinite') nonFinite++;
        continue;
      }
      if (distinctNumbers.size <= MAX_DISTINCT) distinctNumbers.add(cell);
      const value = Number(cell);
      count++;
      sum += value;
      sumSq += value * value;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    const mean = count > 0 ? sum / count : 0;
    const values = [...(numeric ? distinctNumbers : distinct)];
    values.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => a.localeCompare(b));
    return {
      name,
      type: numeric ? 'numeric' : 'categorical',
      missing: numeric ? missing + nonFinite : missing,
      nonFinite: numeric ? nonFinite : 0,
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
