import { describe, expect, it } from 'vitest';
import type { ScriptData } from '../model/file/kerasScript';
import { shippedDownload, shippedScriptFile } from './shippedFiles';
import type { RunState } from './runState';

/** Just the part of a run the export reads. */
const runWith = (id: string, script: ScriptData | Record<string, unknown>) => ({ data: { exportMeta: { dataset: { id, label: id }, script } } }) as unknown as RunState;

describe('the data file a Keras script downloads with', () => {
  it('is the shipped file the script reads, for every shipped kind', () => {
    expect(shippedScriptFile(runWith('concrete', { kind: 'csv', file: 'concrete.csv' }))).toBe('concrete.csv');
    expect(shippedScriptFile(runWith('fashionMnist', { kind: 'fashionMnist', file: 'fashion_mnist_2000.bin' }))).toBe('fashion_mnist_2000.bin');
    expect(shippedScriptFile(runWith('sunspots', { kind: 'series', file: 'sunspots_yearly.csv', csv: null }))).toBe('sunspots_yearly.csv');
  });

  it('is none where the values go with the script already, or are the person’s own file', () => {
    expect(shippedScriptFile(runWith('circle', { kind: 'synthetic', name: 'circle', csv: 'x1,x2,y\n' }))).toBeNull();
    expect(shippedScriptFile(runWith('sine', { kind: 'series', file: 'sine.csv', csv: 'step,value\n' }))).toBeNull();
    expect(shippedScriptFile(runWith('custom', { kind: 'csv', file: 'mine.csv' }))).toBeNull();
    expect(shippedScriptFile({ data: null } as unknown as RunState)).toBeNull();
  });

  it('downloads the bytes under the file’s own name, and says why when the server has none', async () => {
    const ok = await shippedDownload('concrete.csv', async () => new Response('a,b\n1,2\n'));
    expect(ok.name).toBe('concrete.csv');
    expect(ok.type).toBe('text/csv');
    expect(new TextDecoder().decode(ok.content as ArrayBuffer)).toBe('a,b\n1,2\n');
    // The real loader, against a server without the file.
    const realFetch = globalThis.fetch;
    const asked: string[] = [];
    globalThis.fetch = (async (url: string) => {
      asked.push(url);
      return new Response('', { status: 404, statusText: 'Not Found' });
    }) as typeof fetch;
    try {
      await expect(shippedDownload('gone.csv')).rejects.toThrow('gone.csv: the server answered 404 Not Found');
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(asked).toEqual(['/datasets/gone.csv']);
  });
});
