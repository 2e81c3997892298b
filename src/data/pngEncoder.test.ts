import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as nodeCrc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, pngRows, type PngImage } from './pngEncoder';

/** Chunks of a PNG, each CRC checked, with the IDAT data inflated (Node's zlib, which checks the zlib header and Adler-32). */
function parsePng(bytes: Uint8Array) {
  expect(Array.from(bytes.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const types: string[] = [];
  const idat: Uint8Array[] = [];
  let header = new Uint8Array();
  for (let at = 8; at < bytes.length; ) {
    const length = view.getUint32(at);
    const type = new TextDecoder().decode(bytes.subarray(at + 4, at + 8));
    expect(view.getUint32(at + 8 + length)).toBe(nodeCrc32(bytes.subarray(at + 4, at + 8 + length)));
    types.push(type);
    if (type === 'IHDR') header = bytes.slice(at + 8, at + 8 + length);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const hv = new DataView(header.buffer);
  return { types, width: hv.getUint32(0), height: hv.getUint32(4), depth: header[8], colour: header[9], rows: new Uint8Array(inflateSync(Buffer.concat(idat))) };
}

const grey: PngImage = { width: 3, height: 2, channels: 1, values: [0, 0.5, 1, 1.2, -0.1, 100 / 255] };
const rgb: PngImage = {
  width: 2,
  height: 2,
  channels: 3,
  values: [1, 0, 0, 0, 1, 0, 0, 0, 1, 0.2, 0.4, 0.6],
};

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('encodePng', () => {
  it('writes grey as colour type 0, rows unfiltered, values rounded and clipped to 0–255', async () => {
    const png = parsePng(await encodePng(grey));
    expect(png.types).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([png.width, png.height, png.depth, png.colour]).toEqual([3, 2, 8, 0]);
    expect(Array.from(png.rows)).toEqual([0, 0, 128, 255, 0, 255, 0, 100]);
  });

  it('writes RGB as colour type 2', async () => {
    const png = parsePng(await encodePng(rgb));
    expect([png.width, png.height, png.depth, png.colour]).toEqual([2, 2, 8, 2]);
    expect(Array.from(png.rows)).toEqual([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 51, 102, 153]);
  });

  it('refuses values that do not fit the size', () => {
    expect(() => pngRows({ ...grey, values: [0, 1] })).toThrow(/expected 6 values/);
    expect(() => pngRows({ ...grey, width: 0, values: [] })).toThrow(/positive/);
  });

  it.skipIf(!hasPython())('decodes in Python (zlib + a PNG parse) to the same pixels', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pngencoder-'));
    try {
      const big: PngImage = { width: 17, height: 9, channels: 3, values: Array.from({ length: 17 * 9 * 3 }, (_, i) => ((i * 37) % 256) / 255) };
      writeFileSync(join(dir, 'grey.png'), await encodePng(grey));
      writeFileSync(join(dir, 'rgb.png'), await encodePng(big));
      const script = [
        'import json, struct, sys, zlib',
        'def read(path):',
        '    b = open(path, "rb").read()',
        '    assert b[:8] == bytes([137, 80, 78, 71, 13, 10, 26, 10])',
        '    at, idat = 8, b""',
        '    while at < len(b):',
        '        n, kind = struct.unpack(">I4s", b[at:at + 8])',
        '        data = b[at + 8:at + 8 + n]',
        '        assert struct.unpack(">I", b[at + 8 + n:at + 12 + n])[0] == zlib.crc32(kind + data)',
        '        if kind == b"IHDR": w, h, depth, colour = struct.unpack(">IIBB", data[:10])',
        '        if kind == b"IDAT": idat += data',
        '        at += 12 + n',
        '    raw = zlib.decompress(idat)',
        '    c = 1 if colour == 0 else 3',
        '    stride = 1 + w * c',
        '    assert all(raw[y * stride] == 0 for y in range(h))',
        '    return [w, h, colour, [v for y in range(h) for v in raw[y * stride + 1:(y + 1) * stride]]]',
        'print(json.dumps([read(p) for p in sys.argv[1:]]))',
      ].join('\n');
      const out = JSON.parse(execFileSync('python3', ['-c', script, join(dir, 'grey.png'), join(dir, 'rgb.png')], { encoding: 'utf8' })) as unknown;
      expect(out).toEqual([
        [3, 2, 0, [0, 128, 255, 255, 0, 100]],
        [17, 9, 2, Array.from(big.values, (v) => Math.round(v * 255))],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
