import Papa from 'papaparse';
import { csvLimits } from './csvLimits';

export { csvLimits, csvTooLarge } from './csvLimits';

/** A CSV as text cells: column names and rows of equal length. */
export interface RawCsv {
  columns: string[];
  rows: string[][];
  /** The delimiter papaparse detected (`,`, `;`, tab, `|`). */
  delimiter: string;
  /** False when the first row held only numbers and column names were made up. */
  hasHeader: boolean;
}

export type RawCsvResult = { ok: true; raw: RawCsv } | { ok: false; message: string };

const looksNumeric = (cell: string): boolean => cell.trim() !== '' && Number.isFinite(Number(cell.trim()));

/** Control characters other than tab, CR and LF: a text file has (almost) none. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control++;
  }
  return control > sample.length * 0.01;
}

/**
 * Splits CSV text into cells: detects the delimiter, drops a byte-order mark,
 * accepts CRLF and quoted fields, and decides whether the first row is a
 * header (it is unless every one of its cells is a number). Refuses, with a
 * sentence saying why, anything that is not a usable table.
 */
export function parseCsvText(text: string): RawCsvResult {
  if (text.length > csvLimits.maxBytes) {
    return { ok: false, message: `The file is larger than ${csvLimits.maxBytes / 1024 / 1024} MB, the most the playground reads.` };
  }
  if (looksBinary(text)) return { ok: false, message: 'This file does not look like text, so it cannot be a CSV.' };
  const clean = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoteError) {
    return { ok: false, message: `Row ${(quoteError.row ?? 0) + 1} has a quote that is never closed.` };
  }
  const [first, ...rest] = parsed.data;
  if (!first || first.length === 0) return { ok: false, message: 'The file is empty.' };
  if (first.length < 2) {
    return { ok: false, message: 'The file has a single column; a CSV for training needs at least one feature and a target.' };
  }
  if (first.length > csvLimits.maxColumns) {
    return { ok: false, message: `The file has ${first.length} columns; the playground reads at most ${csvLimits.maxColumns}.` };
  }
  const hasHeader = !first.every(looksNumeric);
  const rows = hasHeader ? rest : parsed.data;
  if (rows.length === 0) return { ok: false, message: 'The file has a header row but no data rows.' };
  if (rows.length > csvLimits.maxRows) {
    return {
      ok: false,
      message: `The file has ${rows.length.toLocaleString('en-US')} rows; the playground trains on at most ${csvLimits.maxRows.toLocaleString('en-US')}.`,
    };
  }
  const width = first.length;
  const ragged = rows.findIndex((row) => row.length !== width);
  if (ragged >= 0) {
    const line = ragged + (hasHeader ? 2 : 1);
    return { ok: false, message: `Row ${line} has ${rows[ragged]!.length} cells; the first row has ${width}.` };
  }
  const names = hasHeader ? first.map((name, i) => name.trim() || `column ${i + 1}`) : first.map((_, i) => `column ${i + 1}`);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) return { ok: false, message: `Two columns are both named "${duplicate}"; rename one.` };
  return { ok: true, raw: { columns: names, rows, delimiter: parsed.meta.delimiter, hasHeader } };
}
