/**
 * Messages to and from the CSV worker, which reads and parses an uploaded
 * file off the main thread so a large file never freezes the page.
 */
import type { ColumnInfo } from '../data/columns';
import type { RawCsv } from '../data/csvParse';

export interface CsvRequest {
  id: number;
  file: Blob;
}

export type CsvResponse =
  | { id: number; ok: true; raw: RawCsv; columns: ColumnInfo[] }
  | { id: number; ok: false; message: string };

/** What parsing an upload gives the page. */
export type ParsedUpload = { ok: true; raw: RawCsv; columns: ColumnInfo[] } | { ok: false; message: string };
