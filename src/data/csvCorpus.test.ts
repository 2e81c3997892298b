import { describe, expect, it } from 'vitest';
import { buildTable, type ColumnPlan } from './buildTable';
import { describeColumns, inferTask } from './columns';
import { parseCsvText, type RawCsv } from './csvParse';

/** Parses CSV text and expects it to succeed. */
function raw(text: string): RawCsv {
  const parsed = parseCsvText(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.raw;
}

/** Parses and builds with the last column as target and its inferred task, unless told otherwise. */
function build(text: string, plan: Partial<ColumnPlan> = {}) {
  const r = raw(text);
  const columns = describeColumns(r);
  const target = plan.target ?? r.columns[r.columns.length - 1]!;
  const task = plan.task ?? inferTask(columns.find((c) => c.name === target)!);
  return buildTable(r, columns, { target, ignored: [], missing: 'drop', ...plan, task });
}

describe('CSV corpus', () => {
  it('reads quoted fields with commas and doubled quotes inside', () => {
    const r = raw('name,"size, cm",y\n"Smith, J.",12.5,1\n"the ""best""",3,0\n');
    expect(r.columns).toEqual(['name', 'size, cm', 'y']);
    expect(r.rows[0]).toEqual(['Smith, J.', '12.5', '1']);
    expect(r.rows[1]![0]).toBe('the "best"');
  });

  it('detects a semicolon delimiter (with decimal points)', () => {
    const r = raw('a;b;y\n1.5;2;3\n4;5.25;6\n');
    expect(r.delimiter).toBe(';');
    expect(r.rows).toEqual([
      ['1.5', '2', '3'],
      ['4', '5.25', '6'],
    ]);
  });

  it('reads decimal commas, as Excel writes them with semicolons, as numbers, and says which columns', () => {
    const r = raw('weight;price;label;y\n3,5;1.234,50;a,b;1\n-0,25;12;c;2\n7;NA;d;3\n');
    expect(r.delimiter).toBe(';');
    expect(r.decimalCommaColumns).toEqual(['weight', 'price']);
    expect(r.rows.map((row) => row.slice(0, 2))).toEqual([
      ['3.5', '1234.50'],
      ['-0.25', '12'],
      ['7', 'NA'],
    ]);
    // A text column with commas in it stays text.
    expect(r.rows.map((row) => row[2])).toEqual(['a,b', 'c', 'd']);
    const built = build('weight;y\n3,5;1\n2,25;0\n1;1\n0,5;0\n');
    if (!built.ok) throw new Error(built.message);
    expect(Array.from(built.table.features)).toEqual([3.5, 2.25, 1, 0.5]);
  });

  it('leaves commas alone where they separate the cells, and reads a headerless decimal-comma file as data', () => {
    expect(raw('a,b\n1,2\n').decimalCommaColumns).toEqual([]);
    const headerless = raw('1,5;2;7\n3,5;4;8\n');
    expect(headerless.hasHeader).toBe(false);
    expect(headerless.rows).toEqual([
      ['1.5', '2', '7'],
      ['3.5', '4', '8'],
    ]);
  });

  it('detects tabs too', () => {
    expect(raw('a\tb\n1\t2\n').delimiter).toBe('\t');
  });

  it('drops a byte-order mark and accepts CRLF line ends', () => {
    const r = raw('\uFEFFx,y\r\n1,2\r\n3,4\r\n');
    expect(r.columns).toEqual(['x', 'y']);
    expect(r.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('makes up column names when the first row is data', () => {
    const r = raw('1,2,3\n4,5,6\n');
    expect(r.hasHeader).toBe(false);
    expect(r.columns).toEqual(['column 1', 'column 2', 'column 3']);
    expect(r.rows).toHaveLength(2);
  });

  it('drops rows with missing values, or keeps them for filling, and counts them', () => {
    const text = 'a,b,y\n1,,10\n2,3,NA\n4,5,30\n6,?,40\n7,8,50\n';
    const dropped = build(text);
    if (!dropped.ok) throw new Error(dropped.message);
    expect(dropped.report).toMatchObject({ rowsKept: 2, droppedRows: 3, cellsToFill: 0 });
    const filled = build(text, { missing: 'mean' });
    if (!filled.ok) throw new Error(filled.message);
    // The row missing its target is always dropped; the two missing features wait for the training mean.
    expect(filled.report).toMatchObject({ rowsKept: 4, droppedRows: 1, cellsToFill: 2 });
    expect(Number.isNaN(filled.table.features[1]!)).toBe(true);
  });

  it('one-hot encodes a text column, as auto_mpg’s origin', () => {
    const built = build('weight,origin,mpg\n3504,USA,18.5\n2372,Japan,24\n2130,Europe,31.2\n3000,USA,20\n');
    if (!built.ok) throw new Error(built.message);
    const { table } = built;
    expect(table.featureNames).toEqual(['weight', 'origin=Europe', 'origin=Japan', 'origin=USA']);
    expect(table.featureKinds).toEqual(['numeric', 'onehot', 'onehot', 'onehot']);
    expect(Array.from(table.features.slice(0, 8))).toEqual([3504, 0, 0, 1, 2372, 0, 1, 0]);
    expect(table.encodings).toEqual([{ column: 'origin', categories: ['Europe', 'Japan', 'USA'] }]);
    expect(table.task).toEqual({ kind: 'regression' });
  });

  it('turns a text target into class indices and infers the task', () => {
    const binary = build('x,label\n1,yes\n2,no\n3,yes\n');
    if (!binary.ok) throw new Error(binary.message);
    expect(binary.table.task).toEqual({ kind: 'binary' });
    expect(binary.table.classNames).toEqual(['no', 'yes']);
    expect(Array.from(binary.table.targets)).toEqual([1, 0, 1]);
    const three = build('x,c\n1,0\n2,1\n3,2\n4,1\n');
    if (!three.ok) throw new Error(three.message);
    expect(three.table.task).toEqual({ kind: 'multiclass', numClasses: 3 });
  });

  it('refuses a text target for regression, with the reason', () => {
    expect(build('x,colour\n1,red\n2,blue\n', { task: { kind: 'regression' } })).toEqual({
      ok: false,
      message: 'The target "colour" holds text, so it cannot be predicted as a number: choose classification.',
    });
  });

  it('refuses a header-only file, an empty file, a single column and ragged rows', () => {
    expect(parseCsvText('a,b,c\n')).toEqual({ ok: false, message: 'The file has a header row but no data rows.' });
    expect(parseCsvText('')).toEqual({ ok: false, message: 'The file is empty.' });
    expect(parseCsvText('y\n1\n2\n')).toMatchObject({ ok: false, message: expect.stringContaining('single column') });
    expect(parseCsvText('a,b\n1,2\n3\n')).toEqual({ ok: false, message: 'Row 3 has 1 cells; the first row has 2.' });
  });

  it('refuses binary data, an unclosed quote and duplicate names', () => {
    expect(parseCsvText('PK\u0003\u0004\u0000\u0000binary')).toMatchObject({ ok: false, message: expect.stringContaining('does not look like text') });
    expect(parseCsvText('a,b\n"1,2\n3,4\n')).toMatchObject({ ok: false, message: expect.stringContaining('quote') });
    expect(parseCsvText('a,a\n1,2\n')).toEqual({ ok: false, message: 'Two columns are both named "a"; rename one.' });
  });

  it('refuses a text column with too many values to encode, and a plan with no features', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `id${i},${i % 2}`).join('\n');
    expect(build(`id,y\n${ids}\n`)).toMatchObject({ ok: false, message: expect.stringContaining('"id" has more than 50 different text values') });
    expect(build('a,y\n1,2\n3,4\n', { ignored: ['a'] })).toMatchObject({ ok: false, message: expect.stringContaining('keep at least one feature') });
    // A text target with too many values cannot become a number either: the message must not suggest regression.
    const names = Array.from({ length: 60 }, (_, i) => `${i},name${i}`).join('\n');
    const built = build(`x,name\n${names}\n`);
    expect(built).toMatchObject({ ok: false, message: expect.stringContaining('holds text with more than 50 different values') });
    expect(built.ok || built.message).not.toContain('regression');
  });

  it('keeps cell text as data: markup in a cell is just characters', () => {
    const built = build('x,label\n1,<img src=x onerror=alert(1)>\n2,b\n');
    if (!built.ok) throw new Error(built.message);
    expect(built.table.classNames).toContain('<img src=x onerror=alert(1)>');
  });
});
