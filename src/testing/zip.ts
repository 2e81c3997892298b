import { concatBytes } from '../data/bytes';
import { crc32, deflateRawSync } from 'node:zlib';

/* A zip writer for tests: entries stored or deflated, optionally marked encrypted or with another method. */

export interface ZipItem {
  path: string;
  data: Uint8Array;
  method?: 0 | 8 | 12;
  encrypted?: boolean;
}

/** A zip archive as zip tools write one: local headers and data, the central directory, its end record. */
export function buildZip(items: readonly ZipItem[], comment = ''): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const item of items) {
    const name = enc.encode(item.path);
    const method = item.method ?? 8;
    const body = method === 8 ? new Uint8Array(deflateRawSync(item.data)) : item.data;
    const crc = crc32(item.data);
    const local = new Uint8Array(30 + name.length + body.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(6, (item.encrypted ? 1 : 0) | 0x800, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, item.data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(body, 30 + name.length);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(8, (item.encrypted ? 1 : 0) | 0x800, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, item.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const note = enc.encode(comment);
  const end = new Uint8Array(22 + note.length);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, items.length, true);
  ev.setUint16(10, items.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  ev.setUint16(20, note.length, true);
  end.set(note, 22);
  const parts = [...locals, ...centrals, end];
  return concatBytes(parts);
}

