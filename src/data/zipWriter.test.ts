import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';
import { listZipEntries, readZip, streamInflateRaw } from './zipReader';
import { dosDateTime, writeZip, type ZipEntry } from './zipWriter';

const text = (s: string) => new TextEncoder().encode(s);
const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 7) & 0xff);

const entries: ZipEntry[] = [
  { path: 'images/0_cats/1.png', data: bytes(300, 1) },
  { path: 'images/Hunde & Katzen/2.png', data: bytes(5, 2) },
  { path: 'images/日本/空.txt', data: new Uint8Array() },
  { path: 'notes.txt', data: text('hello, zip\n') },
];

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('crc32', () => {
  it('matches zlib on known and random bytes', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
    const data = bytes(10_000, 3);
    expect(crc32(data)).toBe(nodeCrc32(data));
    expect(crc32(data.subarray(4000), crc32(data.subarray(0, 4000)))).toBe(nodeCrc32(data));
  });
});

describe('writeZip', () => {
  it('reads back with the app’s zip reader: names, order, sizes, bytes, CRCs', async () => {
    const zip = writeZip(entries);
    const listed = listZipEntries(zip);
    expect(listed.map((e) => e.path)).toEqual(entries.map((e) => e.path));
    expect(listed.map((e) => [e.method, e.size, e.compressedSize])).toEqual(entries.map((e) => [0, e.data.length, e.data.length]));
    expect(listed.every((e) => (e.flags & 0x800) !== 0)).toBe(true);
    const read = await readZip(zip, streamInflateRaw);
    expect(read.unreadable).toEqual([]);
    expect(read.files.map((f) => f.path)).toEqual(entries.map((e) => e.path));
    read.files.forEach((file, i) => expect(Array.from(file.data)).toEqual(Array.from(entries[i]!.data)));
    // Each CRC in the directory (offset 16 of a central header) is the entry's.
    const view = new DataView(zip.buffer);
    let at = view.getUint32(zip.length - 6, true);
    for (const entry of entries) {
      expect(view.getUint32(at, true)).toBe(0x02014b50);
      expect(view.getUint32(at + 16, true)).toBe(nodeCrc32(entry.data));
      at += 46 + view.getUint16(at + 28, true);
    }
  });

  it('writes an empty archive as just the end record', async () => {
    const zip = writeZip([]);
    expect(zip.length).toBe(22);
    expect((await readZip(zip, streamInflateRaw)).files).toEqual([]);
  });

  it('refuses repeated, empty and absolute paths', () => {
    expect(() => writeZip([entries[0]!, entries[0]!])).toThrow(/twice/);
    expect(() => writeZip([{ path: '', data: new Uint8Array() }])).toThrow(/relative/);
    expect(() => writeZip([{ path: '/etc/x', data: new Uint8Array() }])).toThrow(/relative/);
    expect(() => writeZip([{ path: 'a\\b', data: new Uint8Array() }])).toThrow(/relative/);
  });

  it('stamps DOS dates and times', () => {
    const stamp = dosDateTime(new Date(2026, 11, 1, 16, 45, 31));
    expect(stamp.date).toBe(((2026 - 1980) << 9) | (12 << 5) | 1);
    expect(stamp.time).toBe((16 << 11) | (45 << 5) | 15);
    expect(dosDateTime(new Date(1970, 0, 1)).date >> 9).toBe(0);
  });

  it.skipIf(!hasPython())('is read by Python’s zipfile, which checks every CRC', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zipwriter-'));
    try {
      const file = join(dir, 'test.zip');
      writeFileSync(file, writeZip(entries, new Date(2026, 0, 2, 3, 4, 6)));
      const script = [
        'import json, sys, zipfile',
        'z = zipfile.ZipFile(sys.argv[1])',
        'assert z.testzip() is None',
        'print(json.dumps([[i.filename, i.file_size, i.CRC, i.compress_type, list(i.date_time), list(z.read(i.filename)[:4])] for i in z.infolist()]))',
      ].join('\n');
      const out = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as [string, number, number, number, number[], number[]][];
      expect(out).toEqual(entries.map((e) => [e.path, e.data.length, nodeCrc32(e.data), 0, [2026, 1, 2, 3, 4, 6], Array.from(e.data.subarray(0, 4))]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
