import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildZip } from '../testing/zip';
import { listZipEntries, readZip, streamInflateRaw, type InflateRaw } from './zipReader';

const nodeInflate: InflateRaw = async (bytes) => new Uint8Array(inflateRawSync(bytes));
const text = (value: string) => new TextEncoder().encode(value);

describe('zip reader', () => {
  it('reads stored and deflated entries, with folders, names in UTF-8 and a trailing comment', async () => {
    const big = text('ring '.repeat(2000));
    const zip = buildZip(
      [
        { path: 'shapes/', data: new Uint8Array(), method: 0 },
        { path: 'shapes/bars/one.png', data: text('stored bytes'), method: 0 },
        { path: 'shapes/ringé/two.png', data: big, method: 8 },
      ],
      'made by a test',
    );
    const contents = await readZip(zip, nodeInflate);
    expect(contents.unreadable).toEqual([]);
    expect(contents.files.map((f) => f.path)).toEqual(['shapes/bars/one.png', 'shapes/ringé/two.png']);
    expect(new TextDecoder().decode(contents.files[0]!.data)).toBe('stored bytes');
    expect(contents.files[1]!.data).toEqual(big);
  });

  it('inflates with DecompressionStream as the browser does', async () => {
    const data = text('abc'.repeat(500));
    const contents = await readZip(buildZip([{ path: 'a/b.txt', data }]), streamInflateRaw);
    expect(contents.files[0]!.data).toEqual(data);
  });

  it('lists encrypted entries, unknown methods and damaged data as unreadable, and reads the rest', async () => {
    const zip = buildZip([
      { path: 'x/secret.png', data: text('hidden'), encrypted: true, method: 0 },
      { path: 'x/bzip.png', data: text('other'), method: 12 },
      { path: 'x/fine.png', data: text('fine'), method: 0 },
    ]);
    const contents = await readZip(zip, nodeInflate);
    expect(contents.files.map((f) => f.path)).toEqual(['x/fine.png']);
    expect(contents.unreadable.map((u) => u.path)).toEqual(['x/secret.png', 'x/bzip.png']);
    expect(contents.unreadable[0]!.reason).toMatch(/encrypted/);
    const broken = buildZip([{ path: 'x/deflated.png', data: text('z'.repeat(100)) }]);
    // Corrupt the deflate stream's first byte (a reserved block type).
    broken[30 + 'x/deflated.png'.length] = 0xff;
    expect((await readZip(broken, nodeInflate)).unreadable[0]!.reason).toMatch(/damaged/);
  });

  it('refuses bytes that are not a zip, or a directory that points nowhere', () => {
    expect(() => listZipEntries(text('just some text, long enough to look for a zip end record'))).toThrow(/not a zip/);
    const zip = buildZip([{ path: 'a/b', data: text('b') }]);
    new DataView(zip.buffer).setUint32(zip.length - 6, 3, true);
    expect(() => listZipEntries(zip)).toThrow(/damaged/);
  });
});
