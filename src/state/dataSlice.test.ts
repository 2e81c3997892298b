import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeColumns } from '../data/columns';
import { parseCsvText } from '../data/csvParse';
import { datasetInfo } from '../data/datasets';
import { prepareData } from '../data/prepare';
import { generate, type SyntheticOptions } from '../data/synthetic';
import { TrainingClient } from '../engine/client';
import type { ParsedUpload } from '../engine/csvProtocol';
import { FakeWorker } from '../engine/fakeWorker';
import { createPlaygroundStore } from './store';

/** A store whose CSV parser runs in the test and counts the files it is given. */
function setup() {
  const parsed: Blob[] = [];
  const store = createPlaygroundStore({
    client: new TrainingClient('auto', () => new FakeWorker()),
    files: {
      text: (file) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
      bytes: async (file) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
    },
    parseCsv: async (file): Promise<ParsedUpload> => {
      parsed.push(file);
      const result = parseCsvText(await file.text());
      return result.ok ? { ok: true, raw: result.raw, columns: describeColumns(result.raw) } : result;
    },
  });
  return { store, parsed };
}

const csv = (text: string): Blob => new Blob([text], { type: 'text/csv' });
const rows = (count: number, row: (i: number) => string): string => Array.from({ length: count }, (_, i) => row(i)).join('\n');

describe('uploading a CSV', () => {
  it('refuses a file over the limit by its size alone, without reading it', async () => {
    const { store, parsed } = setup();
    const huge = { size: 50 * 1024 * 1024, text: () => Promise.reject(new Error('read')) } as unknown as Blob;
    await store.getState().uploadCsv(huge, 'huge.csv');
    expect(parsed).toHaveLength(0);
    expect(store.getState().uploadError).toBe('huge.csv: The file is 50.0 MB; the playground reads CSV files of at most 20 MB.');
  });

  it('refuses a file that parses but cannot be trained on, and keeps the experiment on screen', async () => {
    const { store } = setup();
    store.getState().selectDataset('moons');
    store.getState().setConfig({ epochs: 42 });
    const before = { layers: store.getState().layers, config: store.getState().config };
    for (const [name, text, message] of [
      ['one.csv', 'a,b\n1,2\n', 'only one row of data'],
      ['notes.csv', `name,comment\n${rows(60, (i) => `person ${i},said ${i}`)}\n`, 'No column can be predicted'],
    ] as const) {
      await store.getState().uploadCsv(csv(text), name);
      expect(store.getState().uploadError).toContain(`${name}: `);
      expect(store.getState().uploadError).toContain(message);
      expect(store.getState().datasetId).toBe('moons');
      expect(store.getState().custom).toBeNull();
      expect({ layers: store.getState().layers, config: store.getState().config }).toEqual(before);
    }
  });

  it('selects a usable file with its table already built', async () => {
    const { store } = setup();
    await store.getState().uploadCsv(csv(`x,y,note\n${rows(60, (i) => `${i},${i % 3},text ${i}`)}\n`), 'mixed.csv');
    const { datasetId, dataset, custom, uploadError } = store.getState();
    expect(uploadError).toBeNull();
    expect(datasetId).toBe('custom');
    expect(custom?.plan).toMatchObject({ target: 'y', ignored: ['note'] });
    expect(dataset.status === 'ready' && dataset.table.numRows).toBe(60);
  });
});

describe('choosing another generated 2-D set', () => {
  /** The selected set's points as a plain list, to compare tables by what they hold. */
  const pointsOf = (state: ReturnType<ReturnType<typeof setup>['store']['getState']>): number[] | null =>
    state.dataset.status === 'ready' ? Array.from(state.dataset.table.features) : null;
  const expected = (id: 'xor' | 'spiral' | 'moons', options?: Partial<SyntheticOptions>): number[] => {
    const source = datasetInfo(id).source;
    if (source.kind !== 'synthetic') throw new Error(`${id} is not generated`);
    return Array.from(generate(source.generator, { ...source.defaults, ...options }).features);
  };

  it('has the new points ready at once, never the previous set marked ready', async () => {
    const { store } = setup();
    store.getState().selectDataset('moons');
    expect(pointsOf(store.getState())).toEqual(expected('moons'));
    const seen: (number[] | null)[] = [];
    const unsubscribe = store.subscribe((state) => seen.push(pointsOf(state)));
    store.getState().selectDataset('xor');
    unsubscribe();
    // Every state the page could have drawn or trained from after the choice holds XOR's points (or none).
    for (const points of seen) if (points !== null) expect(points).toEqual(expected('xor'));
    expect(pointsOf(store.getState())).toEqual(expected('xor'));
    store.getState().setSyntheticOptions({ noise: 0.9 });
    expect(pointsOf(store.getState())).toEqual(expected('xor', { noise: 0.9 }));
  });

  it('trains the new set when Train is pressed in the same moment', async () => {
    const { store } = setup();
    store.getState().selectDataset('moons');
    store.getState().selectDataset('spiral');
    await store.getState().train();
    const { run, problems, dataset } = store.getState();
    expect(problems).toEqual([]);
    expect(run.setup?.datasetId).toBe('spiral');
    const { config } = store.getState();
    const table = dataset.status === 'ready' ? dataset.table : null;
    expect(table && Array.from(table.features)).toEqual(expected('spiral'));
    expect(Array.from(run.data!.yVal)).toEqual(Array.from(prepareData(table!, config.validationSplit, config.seed, config.scaling).yVal));
  });
});
