import Papa from 'papaparse';
import { cellKind } from './columns';
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
  /** Columns written with decimal commas (`3,5`, `1.234,5`), whose cells now hold decimal points (`3.5`, `1234.5`). */
  decimalCommaColumns: string[];
}

export type RawCsvResult = { ok: true; raw: RawCsv } | { ok: false; message: string };

const looksNumeric = (cell: string): boolean => cell.trim() !== '' && Number.isFinite(Number(cell.trim()));

/** A number with a decimal comma, optionally with dots grouping thousands: `3,5`, `-0,25`, `1.234,5`, `2,5e-3`. */
const decimalComma = /^[+-]?(\d{1,3}(\.\d{3})+|\d*),\d+([eE][+-]?\d+)?$/;
/** A whole number with dots grouping thousands, `1.234.567`, read as such only in a column that has decimal commas. */
const groupedWhole = /^[+-]?\d{1,3}(\.\d{3})+$/;

/**
 * Rewrites the columns written the European way, as Excel saves a CSV in
 * much of Europe: `;` between cells and a comma before the decimals. A
 * column counts when all its present cells are numbers that way (or plain
 * whole numbers) and at least one has a decimal comma; with `,` as the
 * delimiter a comma cannot be a decimal mark, so nothing is rewritten.
 */
function readDecimalCommas(columns: readonly string[], rows: string[][], delimiter: string): string[] {
  if (delimiter === ',') return [];
  const rewritten: string[] = [];
  columns.forEach((name, col) => {
    let commas = 0;
    for (const row of rows) {
      const cell = row[col]!.trim();
      // Missing and infinite cells say nothing about the decimal mark; they stay as they are.
      const kind = cellKind(cell);
      if (kind === 'missing' || kind === 'nonFinite') continue;
      if (decimalComma.test(cell)) commas++;
      else if (!/^[+-]?\d+$/.test(cell) && !groupedWhole.test(cell)) return;
    }
    if (commas === 0) return;
    for (const row of rows) {
      const cell = row[col]!.trim();
      if (decimalComma.test(cell) || /^[+-]?\d+$/.test(cell) || groupedWhole.test(cell)) row[col] = cell.replace(/\./g, '').replace(',', '.');
    }
    rewritten.push(name);
  });
  return rewritten;
}

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
 * accepts CRLF and quoted fields, decides whether the first row is a
 * header (it is unless every one of its cells is a number), and reads
 * decimal commas as decimal points. Refuses, with a
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
  if (!first || first.length === 0) {
    // Rows of nothing but delimiters and spaces are skipped as empty lines: such a file has cells, but no values.
    return { ok: false, message: clean.trim() === '' ? 'The file is empty.' : 'The file has no values at all: every row is empty.' };
  }
  if (first.length < 2) {
    return { ok: false, message: 'The file has a single column; a CSV for training needs at least one feature and a target.' };
  }
  if (first.length > csvLimits.maxColumns) {
    return { ok: false, message: `The file has ${first.length} columns; the playground reads at most ${csvLimits.maxColumns}.` };
  }
  const decimalCommas = parsed.meta.delimiter !== ',';
  const hasHeader = !first.every((cell) => looksNumeric(cell) || (decimalCommas && decimalComma.test(cell.trim())));
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
  const decimalCommaColumns = readDecimalCommas(names, rows, parsed.meta.delimiter);
  return { ok: true, raw: { columns: names, rows, delimiter: parsed.meta.delimiter, hasHeader, decimalCommaColumns } };
}
