import { describe, expect, it } from 'vitest';
import { TrainingClient } from '../engine/client';
import { FakeWorker } from '../engine/fakeWorker';
import type { OwnImages } from '../data/ownImages';
import { createPlaygroundStore } from './store';

function store() {
  return createPlaygroundStore({
    client: new TrainingClient('auto', () => new FakeWorker()),
    files: { text: () => Promise.reject(new Error('no files')), bytes: () => Promise.reject(new Error('no files')) },
    parseCsv: () => Promise.reject(new Error('no CSV')),
  });
}

const images = (names: string[], size = 8): OwnImages => ({
  size,
  channels: 1,
  unreadable: [],
  classes: names.map((name, c) => ({
    id: `c${c}`,
    name,
    images: Array.from({ length: 3 }, () => ({ name: 'x.png', source: new Blob(), pixels: new Float32Array(size * size).fill(c) })),
  })),
});

describe('"Your own images" in the store', () => {
  it('selected without images, says what is missing and that images do not survive a reload', () => {
    const s = store();
    s.getState().selectDataset('images');
    const dataset = s.getState().dataset;
    expect(dataset.status).toBe('error');
    expect(dataset.status === 'error' && dataset.message).toMatch(/at least two classes.*not kept across reloads/);
  });

  it('shows the images as a table at once, with a CNN sized to the classes; a rename keeps the model, a new class replaces it', () => {
    const s = store();
    s.getState().selectDataset('images');
    s.getState().setOwnImages(images(['cats', 'dogs']));
    const dataset = s.getState().dataset;
    expect(dataset.status === 'ready' && dataset.table).toMatchObject({ numRows: 6, inputShape: [8, 8, 1], classNames: ['cats', 'dogs'] });
    expect(s.getState().layers.at(-1)).toMatchObject({ kind: 'dense', units: 2 });
    expect(s.getState().config.scaling).toBe('none');
    const layers = s.getState().layers;
    s.getState().setOwnImages(images(['kittens', 'dogs']));
    expect(s.getState().layers).toBe(layers);
    s.getState().setOwnImages(images(['cats', 'dogs', 'birds']));
    expect(s.getState().layers.at(-1)).toMatchObject({ kind: 'dense', units: 3 });
  });

  it('keeps images loaded meanwhile for when the set is selected', () => {
    const s = store();
    s.getState().setOwnImages(images(['a', 'b', 'c', 'd']));
    expect(s.getState().datasetId).not.toBe('images');
    s.getState().selectDataset('images');
    expect(s.getState().dataset.status).toBe('ready');
    expect(s.getState().layers.at(-1)).toMatchObject({ units: 4 });
  });
});
