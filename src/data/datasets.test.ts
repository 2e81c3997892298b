import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { datasetIds, datasetInfo, loadDataset, type FileSource } from './datasets';
import { inputShapeOf } from './table';

const files: FileSource = {
  text: (file) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
  bytes: async (file) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
};

/** Rows, input shape and task of each shipped dataset, as shared/data/README.md describes them. */
const expected = {
  concrete: { rows: 1030, shape: [8], task: 'regression' },
  autoMpg: { rows: 392, shape: [9], task: 'regression' },
  diabetes: { rows: 442, shape: [10], task: 'regression' },
  ionosphere: { rows: 351, shape: [33], task: 'binary' },
  breastCancer: { rows: 569, shape: [30], task: 'binary' },
  wine: { rows: 178, shape: [13], task: 'multiclass' },
  digits: { rows: 1797, shape: [8, 8, 1], task: 'multiclass' },
  fashion: { rows: 2000, shape: [28, 28, 1], task: 'multiclass' },
} as const;

describe('shipped datasets', () => {
  for (const [id, want] of Object.entries(expected)) {
    it(`${id}: ${want.rows} rows of ${want.shape.join('×')}, ${want.task}`, async () => {
      const table = await loadDataset(id as keyof typeof expected, files);
      expect(table.numRows).toBe(want.rows);
      expect(inputShapeOf(table)).toEqual(want.shape);
      expect(table.task.kind).toBe(want.task);
      expect(Array.from(table.features).every(Number.isFinite)).toBe(true);
      expect(datasetInfo(id as keyof typeof expected).credit).toBeDefined();
    });
  }

  it('auto_mpg one-hot encodes origin into Europe, Japan and USA', async () => {
    const table = await loadDataset('autoMpg', files);
    expect(table.featureNames.slice(-3)).toEqual(['origin=Europe', 'origin=Japan', 'origin=USA']);
    expect(table.encodings).toEqual([{ column: 'origin', categories: ['Europe', 'Japan', 'USA'] }]);
  });

  it('image sets hold pixels in 0–1 and name their classes', async () => {
    const fashion = await loadDataset('fashion', files);
    expect(Math.max(...fashion.features.subarray(0, 784 * 10))).toBeLessThanOrEqual(1);
    expect(fashion.classNames?.[9]).toBe('Ankle boot');
    const digits = await loadDataset('digits', files);
    expect(Math.max(...digits.features)).toBe(1);
    expect(digits.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('every synthetic set generates with its defaults, and other options change it', async () => {
    for (const id of datasetIds.filter((d) => datasetInfo(d).source.kind === 'synthetic')) {
      const table = await loadDataset(id, files);
      expect(table.numRows).toBe(500);
      const fewer = await loadDataset(id, files, { numPoints: 100, noise: 0, seed: 3 });
      expect(fewer.numRows).toBe(100);
    }
  });
});
