import Papa from 'papaparse';
import type { TaskSpec } from '../model/task';
import type { Table } from './table';

export type CsvResult = { ok: true; table: Table } | { ok: false; message: string };

export interface NumericCsvOptions {
  /** The target column's name; the last column when omitted. */
  target?: string;
  /** Columns to leave out (an id or a free-text name, say). */
  drop?: readonly string[];
  task: TaskSpec;
}

/**
 * Parses a CSV whose first row names the columns and whose cells are all
 * numbers into a Table. Any cell that is not a number is reported with its
 * row and column, since a silent NaN would poison training later.
 */
export function parseNumericCsv(text: string, options: NumericCsvOptions): CsvResult {
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  if (!header || header.length < 2) return { ok: false, message: 'The CSV needs a header row naming at least two columns.' };
  if (rows.length === 0) return { ok: false, message: 'The CSV has a header but no data rows.' };
  const names = header.map((name) => name.trim());
  const targetName = options.target ?? names[names.length - 1]!;
  const targetIndex = names.indexOf(targetName);
  if (targetIndex < 0) return { ok: false, message: `The CSV has no column named "${targetName}".` };
  const dropped = new Set(options.drop ?? []);
  const featureIndices = names.flatMap((name, i) => (i === targetIndex || dropped.has(name) ? [] : [i]));
  const numCols = featureIndices.length;
  const features = new Float32Array(rows.length * numCols);
  const targets = new Float32Array(rows.length);
  for (const [r, row] of rows.entries()) {
    if (row.length !== names.length) {
      return { ok: false, message: `Row ${r + 2} has ${row.length} cells; the header names ${names.length} columns.` };
    }
    const read = (col: number): number | string => {
      const cell = row[col]!.trim();
      const value = cell === '' ? Number.NaN : Number(cell);
      return Number.isFinite(value) ? value : `Row ${r + 2}, column "${names[col]}": "${cell}" is not a number.`;
    };
    for (const [c, col] of featureIndices.entries()) {
      const value = read(col);
      if (typeof value === 'string') return { ok: false, message: value };
      features[r * numCols + c] = value;
    }
    const target = read(targetIndex);
    if (typeof target === 'string') return { ok: false, message: target };
    targets[r] = target;
  }
  return {
    ok: true,
    table: {
      featureNames: featureIndices.map((i) => names[i]!),
      targetName,
      features,
      targets,
      numRows: rows.length,
      task: options.task,
    },
  };
}
