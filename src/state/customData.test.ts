import { describe, expect, it } from 'vitest';
import { columnNotes } from '../data/columnNotes';
import { describeColumns } from '../data/columns';
import { parseCsvText } from '../data/csvParse';
import { planUpload } from './customData';

/** Parses CSV text (it must parse) and plans its upload. */
function plan(text: string) {
  const parsed = parseCsvText(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return planUpload('file.csv', parsed.raw, describeColumns(parsed.raw));
}

const rows = (count: number, row: (i: number) => string): string => Array.from({ length: count }, (_, i) => row(i)).join('\n');

describe('planning an upload', () => {
  it('takes the last column as the target with the task it suggests, and builds the table', () => {
    const planned = plan(`a,b,kind\n${rows(10, (i) => `${i},${i * 2},${i % 2 ? 'yes' : 'no'}`)}\n`);
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.custom.plan).toEqual({ target: 'kind', ignored: [], task: { kind: 'binary' }, missing: 'drop' });
    expect(planned.table.numRows).toBe(10);
  });

  it('refuses a file with a single row of data, with or without a header', () => {
    for (const text of ['a,b\n1,2\n', '1,2\n']) {
      expect(plan(text)).toEqual({ ok: false, message: expect.stringContaining('only one row of data') });
    }
  });

  it('skips a last column that cannot be predicted, and leaves free-text columns out of the features', () => {
    const planned = plan(`x,y,note\n${rows(60, (i) => `${i},${i % 3},free text ${i}`)}\n`);
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.custom.plan).toMatchObject({ target: 'y', ignored: ['note'] });
    expect(planned.table.featureNames).toEqual(['x']);
  });

  it('refuses a file of free text, where no column can be predicted', () => {
    const planned = plan(`name,comment\n${rows(60, (i) => `person ${i},said ${i}`)}\n`);
    expect(planned).toEqual({ ok: false, message: expect.stringMatching(/^No column can be predicted: .*more than 50 different values/) });
  });

  it('refuses a file where nothing is left to predict the target from', () => {
    const planned = plan(`id,y\n${rows(60, (i) => `id-${i},${i}`)}\n`);
    expect(planned).toEqual({ ok: false, message: expect.stringContaining('Only "y" can be used') });
  });

  it('fills missing values when dropping their rows would leave too few', () => {
    const planned = plan('a,b,y\n1,,1\n,2,2\n3,,3\n');
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.custom.plan.missing).toBe('mean');
    expect(planned.table.numRows).toBe(3);
  });
});

describe('planning an upload with cells that are missing or not finite', () => {
  it('keeps a numeric column with Infinity cells as a feature, and says how many cells count as missing', () => {
    const planned = plan(`x1,x2,y\n${rows(50, (i) => `${i % 5},${i % 9 === 0 ? ['Infinity', '-Infinity', '1e309', 'inf'][i % 4] : i / 3},${i}`)}\n`);
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.custom.plan).toMatchObject({ target: 'y', ignored: [] });
    expect(planned.table.featureNames).toEqual(['x1', 'x2']);
    expect(planned.report).toMatchObject({ rowsKept: 44, droppedRows: 6 });
    expect(columnNotes(planned.custom.columns, planned.custom.plan.ignored)).toEqual([
      '"x2": 6 cells hold Infinity or a number too large to use (such as 1e309), counted as missing.',
    ]);
  });

  it('leaves a column with no values out of the features, and says why', () => {
    const planned = plan(`x,blank,y\n${rows(20, (i) => `${i},${i % 2 ? 'NA' : 'inf'},${i}`)}\n`);
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.custom.plan.ignored).toEqual(['blank']);
    expect(columnNotes(planned.custom.columns, planned.custom.plan.ignored)).toContain('"blank" is left out of the features: it has no values at all.');
  });

  it('refuses a file of nothing but missing markers with a message that says so', () => {
    const planned = plan(`a,b,c\n${rows(30, (i) => ['NA', '', 'NaN', '?', 'null', 'Infinity'].slice(i % 3, (i % 3) + 3).join(','))}\n`);
    expect(planned).toEqual({
      ok: false,
      message: 'The file has no values at all: every cell is empty, a marker of a missing value (such as NA, NaN or ?), or not a finite number (such as Infinity).',
    });
  });

  it('names an empty column among the reasons when only the target has values', () => {
    expect(plan(`gone,y\n${rows(10, (i) => `NA,${i}`)}\n`)).toEqual({
      ok: false,
      message: 'Only "y" can be used: "gone" has no values at all, so there is nothing to predict it from.',
    });
  });
});
