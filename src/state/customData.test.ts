import { describe, expect, it } from 'vitest';
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
