import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseNumericCsv } from './csv';
import { loadDataset } from './datasets';

const regression = { task: { kind: 'regression' } } as const;
const fromPublic = (file: string) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8');

describe('parseNumericCsv', () => {
  it('reads the shipped concrete data: 1030 rows, 8 features, strength as target', async () => {
    const table = await loadDataset('concrete', fromPublic);
    expect(table.numRows).toBe(1030);
    expect(table.featureNames).toHaveLength(8);
    expect(table.featureNames[0]).toBe('cement');
    expect(table.targetName).toBe('compressive_strength');
    expect(table.features[0]).toBe(540);
    expect(table.targets[0]).toBeCloseTo(79.99, 4);
  });

  it('takes a named target and drops columns', () => {
    const result = parseNumericCsv('a,b,c,id\n1,2,3,9\n4,5,6,9\n', { ...regression, target: 'a', drop: ['id'] });
    if (!result.ok) throw new Error(result.message);
    expect(result.table.featureNames).toEqual(['b', 'c']);
    expect(Array.from(result.table.targets)).toEqual([1, 4]);
    expect(Array.from(result.table.features)).toEqual([2, 3, 5, 6]);
  });

  it('names the row and column of a cell that is not a number', () => {
    expect(parseNumericCsv('x,y\n1,2\n3,abc\n', regression)).toEqual({
      ok: false,
      message: 'Row 3, column "y": "abc" is not a number.',
    });
    expect(parseNumericCsv('x,y\n1,\n', regression)).toMatchObject({ ok: false, message: expect.stringContaining('Row 2') });
  });

  it('reports ragged rows, a missing header and an empty body', () => {
    expect(parseNumericCsv('x,y\n1,2,3\n', regression)).toMatchObject({ ok: false, message: expect.stringContaining('3 cells') });
    expect(parseNumericCsv('', regression)).toMatchObject({ ok: false, message: expect.stringContaining('header') });
    expect(parseNumericCsv('x,y\n', regression)).toMatchObject({ ok: false, message: expect.stringContaining('no data rows') });
    expect(parseNumericCsv('x,y\n1,2\n', { ...regression, target: 'z' })).toMatchObject({
      ok: false,
      message: 'The CSV has no column named "z".',
    });
  });
});
