import { crc32 } from './crc32';

/**
 * A small writer of .zip archives with stored (uncompressed) entries: what
 * goes in is compressed already (PNG) or small. Each entry has a local
 * header and its bytes, then come the central directory and its end record;
 * names are UTF-8 and flagged so (bit 11). No zip64: at most 65,535 entries
 * and 4 GB, checked.
 */

export interface ZipEntry {
  /** Path inside the archive, folders separated by "/", no leading "/". */
  path: string;
  data: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
const UTF8_NAMES = 0x0800;
/** Version 2.0: what stored entries with folders need. */
const VERSION = 20;
const MAX_U32 = 0xffffffff;

/** A DOS date and time (what zip headers hold), local time, two-second steps; DOS dates start in 1980. */
export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, date.getFullYear()));
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** The archive's bytes, entries in the order given. Throws on an empty, absolute or repeated path, or past the zip limits. */
export function writeZip(entries: readonly ZipEntry[], modified: Date = new Date()): Uint8Array {
  if (entries.length > 0xffff) throw new Error(`a zip without zip64 holds at most 65,535 files, not ${entries.length}`);
  const utf8 = new TextEncoder();
  const stamp = dosDateTime(modified);
  const seen = new Set<string>();
  const names = entries.map((entry) => {
    if (entry.path === '' || entry.path.startsWith('/') || entry.path.includes('\\')) throw new Error(`"${entry.path}" is not a relative path with "/" between folders`);
    if (seen.has(entry.path)) throw new Error(`"${entry.path}" is in the archive twice`);
    seen.add(entry.path);
    const name = utf8.encode(entry.path);
    if (name.length > 0xffff) throw new Error(`the path "${entry.path.slice(0, 40)}…" is too long for a zip`);
    return name;
  });
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i]!.length + e.data.length, 0);
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0);
  if (localSize > MAX_U32 || centralSize > MAX_U32) throw new Error('the archive would be over 4 GB, which needs zip64');
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  const crcs: number[] = [];
  let at = 0;
  // The fields local and central headers share, from "version needed" to the name length.
  const common = (start: number, i: number) => {
    view.setUint16(start, VERSION, true);
    view.setUint16(start + 2, UTF8_NAMES, true);
    view.setUint16(start + 4, 0, true);
    view.setUint16(start + 6, stamp.time, true);
    view.setUint16(start + 8, stamp.date, true);
    view.setUint32(start + 10, crcs[i]!, true);
    view.setUint32(start + 14, entries[i]!.data.length, true);
    view.setUint32(start + 18, entries[i]!.data.length, true);
    view.setUint16(start + 22, names[i]!.length, true);
    view.setUint16(start + 24, 0, true);
  };
  entries.forEach((entry, i) => {
    offsets.push(at);
    crcs.push(crc32(entry.data));
    view.setUint32(at, LOCAL, true);
    common(at + 4, i);
    out.set(names[i]!, at + 30);
    out.set(entry.data, at + 30 + names[i]!.length);
    at += 30 + names[i]!.length + entry.data.length;
  });
  const directory = at;
  entries.forEach((_, i) => {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, VERSION, true);
    common(at + 6, i);
    // Comment length, disk number, internal and external attributes stay 0.
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(names[i]!, at + 46);
    at += 46 + names[i]!.length;
  });
  view.setUint32(at, EOCD, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}
