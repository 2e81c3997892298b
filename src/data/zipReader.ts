/**
 * A small reader of .zip archives: the central directory, then each entry's
 * bytes, stored (method 0) or deflated (method 8). Inflating is handed in,
 * so the reader runs anywhere; in the browser it is DecompressionStream.
 * Zip64, encrypted entries and other methods are reported, not read.
 */

/** Turns raw deflate bytes (no zlib header) into the original bytes. */
export type InflateRaw = (bytes: Uint8Array) => Promise<Uint8Array>;

export interface ZipFile {
  /** Path inside the archive, folders separated by "/". */
  path: string;
  data: Uint8Array;
}

export interface ZipContents {
  files: ZipFile[];
  /** Entries that could not be read, with the reason in plain words. */
  unreadable: { path: string; reason: string }[];
}

interface Entry {
  path: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Where the end-of-central-directory record starts; it may be followed by a comment of up to 65,535 bytes. */
function findEnd(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 65_535); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw new Error('this is not a zip file (no zip directory at its end)');
}

const utf8 = new TextDecoder('utf-8');

/** The entries the archive lists, in its order. Throws when the bytes are not a readable zip. */
export function listZipEntries(bytes: Uint8Array): Entry[] {
  if (bytes.length < 22) throw new Error('this is not a zip file (too short)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new Error('zip64 archives (over 4 GB or 65,535 files) are not supported');
  const entries: Entry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new Error('the zip directory is damaged');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      path: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Reads every file of the archive (folders are left out); an entry that cannot be read is listed with why. */
export async function readZip(bytes: Uint8Array, inflateRaw: InflateRaw): Promise<ZipContents> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const contents: ZipContents = { files: [], unreadable: [] };
  for (const entry of listZipEntries(bytes)) {
    if (entry.path.endsWith('/')) continue;
    const fail = (reason: string) => contents.unreadable.push({ path: entry.path, reason });
    if (entry.flags & 1) {
      fail('it is encrypted');
      continue;
    }
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff) {
      fail('it is a zip64 entry');
      continue;
    }
    const local = entry.localOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) {
      fail('its entry in the archive is damaged');
      continue;
    }
    // The local header's own name and extra lengths can differ from the directory's.
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(start, start + entry.compressedSize);
    if (raw.length !== entry.compressedSize) {
      fail('the archive ends before it does');
      continue;
    }
    if (entry.method === 0) contents.files.push({ path: entry.path, data: raw });
    else if (entry.method === 8) {
      try {
        contents.files.push({ path: entry.path, data: await inflateRaw(raw) });
      } catch {
        fail('its compressed data is damaged');
      }
    } else fail(`it is compressed with method ${entry.method}, which this reader does not know (only stored and deflate)`);
  }
  return contents;
}

/** Inflates with the platform's DecompressionStream (browsers, Node 20+). */
export const streamInflateRaw: InflateRaw = async (bytes) => {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};
