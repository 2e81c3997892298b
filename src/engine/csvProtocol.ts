/**
 * Messages to and from the CSV worker, which reads and parses an uploaded
 * file off the main thread so a large file never freezes the page.
 */
import type { ColumnInfo } from '../data/columns';
import type { RawCsv } from '../data/csvParse';
import type { TimeColumn } from '../data/timeColumn';

export interface CsvRequest {
  id: number;
  file: Blob;
}

export type CsvResponse =
  | { id: number; ok: true; raw: RawCsv; columns: ColumnInfo[]; timeColumns: TimeColumn[] }
  | { id: number; ok: false; message: string };

/**
 * What parsing an upload gives the page: its cells, each column described,
 * and the columns that read as times (found on the main thread when a
 * parser leaves them out).
 */
export type ParsedUpload = { ok: true; raw: RawCsv; columns: ColumnInfo[]; timeColumns?: TimeColumn[] } | { ok: false; message: string };
