import { isMissing, type ColumnInfo } from './columns';
import type { RawCsv } from './csvParse';

/**
 * How a column writes its times: a year (1700), a month (1958-03), a day
 * (1958-03-01), a day and a time (1958-03-01 12:00, ISO 8601 with an
 * optional zone) or a time of day (12:30:05).
 */
export type TimeFormat = 'year' | 'month' | 'date' | 'datetime' | 'time';

/** A column that reads as times, found in an upload; `format` is 'mixed' when its cells are written in more than one way. */
export interface TimeColumn {
  name: string;
  format: TimeFormat | 'mixed';
  /** The first present cell, to show the person what was recognised. */
  example: string;
}

/** A time as the playground reads it: its format and a number that orders it (milliseconds since 1970 UTC; a year's first instant for a year). */
export interface ParsedTime {
  format: TimeFormat;
  key: number;
}

/** An instant in UTC, or null when the parts name no real day and time (a 13th month, 31 April, 25:00). */
function utc(year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0, ms = 0): number | null {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hours, minutes, seconds, ms);
  const same =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hours &&
    date.getUTCMinutes() === minutes &&
    date.getUTCSeconds() === seconds;
  return same ? date.getTime() : null;
}

const monthPattern = /^(\d{4})[-/](\d{1,2})$/;
const datePattern = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const timePattern = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/;
const yearPattern = /^\d{1,4}$/;

/** A zone offset (`Z`, `+02`, `-0530`, `+05:30`) in milliseconds east of UTC. */
function zoneOffset(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000;
}

const fraction = (digits: string | undefined): number => (digits ? Math.floor(Number(`0.${digits}`) * 1000) : 0);

/**
 * Reads one cell as a time; null when it is none. A bare number is read as a
 * year only when `years` says so: in most columns 1958 is a quantity.
 */
export function parseTime(cell: string, years = false): ParsedTime | null {
  const text = cell.trim();
  let m: RegExpExecArray | null;
  if (years && yearPattern.test(text)) return { format: 'year', key: utc(Number(text), 1, 1)! };
  if ((m = monthPattern.exec(text))) {
    const key = utc(Number(m[1]), Number(m[2]), 1);
    return key === null ? null : { format: 'month', key };
  }
  if ((m = datePattern.exec(text))) {
    const key = utc(Number(m[1]), Number(m[3]), Number(m[4]));
    return key === null ? null : { format: 'date', key };
  }
  if ((m = dateTimePattern.exec(text))) {
    const key = utc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), fraction(m[7]));
    const zone = zoneOffset(m[8]);
    if (Math.abs(zone) > 18 * 3_600_000) return null;
    return key === null ? null : { format: 'datetime', key: key - zone };
  }
  if ((m = timePattern.exec(text))) {
    const key = utc(1970, 1, 1, Number(m[1]), Number(m[2]), Number(m[3] ?? 0), fraction(m[4]));
    return key === null ? null : { format: 'time', key };
  }
  return null;
}

/** A name that says the column holds times. */
const timeName = /year|yr|date|time|month|day|period|jahr|datum|zeit|année|fecha|^t$|^ds$/i;

/**
 * A numeric column of years: whole numbers of at most four digits, no two
 * alike (a "year built" of houses repeats, and orders nothing), and either
 * a name that says so or, with any name, years 1000–2999 already in rising
 * order (a column of amounts from 1000 to 2999 is rarely in order).
 */
function isYearColumn(raw: RawCsv, col: number, column: ColumnInfo): boolean {
  if (column.type !== 'numeric' || !column.stats) return false;
  let previous = Number.NEGATIVE_INFINITY;
  let rising = true;
  const seen = new Set<number>();
  for (const row of raw.rows) {
    const cell = row[col]!.trim();
    if (isMissing(cell)) continue;
    if (!yearPattern.test(cell)) return false;
    const year = Number(cell);
    if (seen.has(year)) return false;
    seen.add(year);
    if (year <= previous) rising = false;
    previous = year;
  }
  return timeName.test(column.name) || (rising && column.stats.min >= 1000 && column.stats.max <= 2999);
}

/**
 * The columns of an upload that read as times. A text column counts when
 * at least half its present cells are times, so a column with a few typos
 * is still offered (and the typos named when it is chosen).
 */
export function detectTimeColumns(raw: RawCsv, columns: readonly ColumnInfo[]): TimeColumn[] {
  const found: TimeColumn[] = [];
  columns.forEach((column, col) => {
    const example = raw.rows.map((row) => row[col]!.trim()).find((cell) => !isMissing(cell));
    if (example === undefined) return;
    if (isYearColumn(raw, col, column)) {
      found.push({ name: column.name, format: 'year', example });
      return;
    }
    if (column.type === 'numeric') return;
    const formats = new Set<TimeFormat>();
    let times = 0;
    let present = 0;
    for (const row of raw.rows) {
      const cell = row[col]!;
      if (isMissing(cell)) continue;
      present++;
      const parsed = parseTime(cell);
      if (!parsed) continue;
      times++;
      formats.add(parsed.format);
    }
    if (times * 2 < present) return;
    found.push({ name: column.name, format: formats.size === 1 ? [...formats][0]! : 'mixed', example });
  });
  return found;
}

/** The format in words, with an example of it. */
export const formatWords: Record<TimeFormat, string> = {
  year: 'a year (1958)',
  month: 'a month (1958-03)',
  date: 'a date (1958-03-01)',
  datetime: 'a date and time (1958-03-01 12:00)',
  time: 'a time of day (12:30)',
};

/** Plural forms for the planner's note, "reads as dates". */
export const formatPlural: Record<TimeFormat | 'mixed', string> = {
  year: 'years',
  month: 'months',
  date: 'dates',
  datetime: 'dates and times',
  time: 'times of day',
  mixed: 'times written in more than one way',
};

/** The rows of a file in time order, or why the column cannot order them. */
export type TimeOrder =
  /** `order`: the rows, earliest first; `reordered`: they were not in time order in the file. */
  | { ok: true; format: TimeFormat; order: number[]; reordered: boolean }
  | { ok: false; message: string };

/**
 * Orders rows by a time column: every row needs a time, all written one way,
 * none repeated. A numeric column is read as years. `rows` are the indices
 * of the data rows to order (those a build keeps); `firstLine` is the file
 * line of data row 0, for messages.
 */
export function orderByTime(raw: RawCsv, column: Pick<ColumnInfo, 'name' | 'type'>, rows: readonly number[], firstLine: number): TimeOrder {
  const col = raw.columns.indexOf(column.name);
  const years = column.type === 'numeric';
  const keys = new Map<number, number>();
  let first: { format: TimeFormat; row: number } | null = null;
  for (const row of rows) {
    const cell = raw.rows[row]![col]!.trim();
    const line = row + firstLine;
    if (isMissing(cell)) return { ok: false, message: `Row ${line} has no time in "${column.name}"; every step of a series needs one.` };
    const parsed = parseTime(cell, years);
    if (!parsed) {
      return {
        ok: false,
        message: `Row ${line}: "${cell}" in "${column.name}" is not a time the playground reads; write times as 1958, 1958-03, 1958-03-01 or 1958-03-01 12:00.`,
      };
    }
    if (first && parsed.format !== first.format) {
      return {
        ok: false,
        message: `"${column.name}" mixes ways of writing time: row ${first.row + firstLine} holds ${formatWords[first.format]}, row ${line} ${formatWords[parsed.format]}. Write every time the same way.`,
      };
    }
    first ??= { format: parsed.format, row };
    keys.set(row, parsed.key);
  }
  if (!first) return { ok: false, message: 'No rows are left to make a series of.' };
  const order = [...rows].sort((a, b) => keys.get(a)! - keys.get(b)!);
  for (let i = 1; i < order.length; i++) {
    if (keys.get(order[i]!) === keys.get(order[i - 1]!)) {
      const [a, b] = [order[i - 1]!, order[i]!].sort((x, y) => x - y) as [number, number];
      return {
        ok: false,
        message: `Rows ${a + firstLine} and ${b + firstLine} have the same time in "${column.name}" (${raw.rows[b]![col]!.trim()}); a series needs one row per time step.`,
      };
    }
  }
  const reordered = order.some((row, i) => row !== rows[i]);
  return { ok: true, format: first.format, order, reordered };
}
