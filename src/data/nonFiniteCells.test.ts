import { describe, expect, it } from 'vitest';
import { buildTable, type ColumnPlan } from './buildTable';
import { columnNotes, noTargetMessage } from './columnNotes';
import { cellKind, describeColumns, inferTask } from './columns';
import { parseCsvText, type RawCsv } from './csvParse';

/**
 * CSVs of one class, made here: a numeric column with some cells that are
 * no finite float32 number. They must count as missing (dropped or filled
 * like any missing cell), keep the column numeric, and be said.
 */

const infinities = ['Infinity', '-Infinity', '+Infinity', 'inf', '-inf', 'INF', 'infinity', '1e309', '-1e309', '1e39', '-3.5e38', '1.#INF', '#DIV/0!', '#NUM!'];
const notANumber = ['NaN', 'nan', '-nan', '1.#QNAN', '-1.#IND', '#N/A', '<NA>'];

function raw(text: string): RawCsv {
  const parsed = parseCsvText(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.raw;
}

/** 40 rows of x1, x2 (the main feature) and y = 2·x2, with `spelling` in rows 3, 10 and 25 of x2. */
function csvWith(spelling: string, delimiter = ','): string {
  const lines = ['x1', 'x2', 'y'].join(delimiter);
  const body = Array.from({ length: 40 }, (_, i) => {
    const x2 = [3, 10, 25].includes(i) ? spelling : String(i / 4);
    return [String(i % 7), x2, String(i / 2)].join(delimiter);
  });
  return `${lines}\n${body.join('\n')}\n`;
}

const planFor = (r: RawCsv, missing: ColumnPlan['missing']): ColumnPlan => {
  const columns = describeColumns(r);
  return { target: 'y', ignored: [], task: inferTask(columns[2]!), missing };
};

describe('cells that are no finite number, in a numeric column', () => {
  it.each(infinities)('reads %s as not finite, and as such in any case', (spelling) => {
    expect(cellKind(spelling)).toBe('nonFinite');
    expect(cellKind(` ${spelling} `)).toBe('nonFinite');
  });

  it('keeps finite numbers, missing markers and text apart from them', () => {
    expect(['0', '-1.5', '3.4e38', '1e-50', '0x10', ' 7 '].map(cellKind)).toEqual(Array(6).fill('number'));
    expect(['', 'NA', '?', '-', 'null', ...notANumber].map(cellKind)).toEqual(Array(12).fill('missing'));
    expect(['infinite', 'Inf.', 'abc', '1,5', '--1'].map(cellKind)).toEqual(Array(5).fill('text'));
  });

  for (const delimiter of [',', ';', '\t', '|']) {
    it.each([...infinities, ...notANumber])(`keeps the column numeric and counts %s as missing (delimiter ${JSON.stringify(delimiter)})`, (spelling) => {
      const r = raw(csvWith(spelling, delimiter));
      const columns = describeColumns(r);
      const x2 = columns[1]!;
      expect(x2).toMatchObject({ name: 'x2', type: 'numeric', missing: 3 });
      expect(x2.nonFinite).toBe(infinities.includes(spelling) ? 3 : 0);
      expect(x2.distinct).not.toContain(spelling);
      expect(Number.isFinite(x2.stats!.max) && Number.isFinite(x2.stats!.std)).toBe(true);

      const dropped = buildTable(r, columns, planFor(r, 'drop'));
      if (!dropped.ok) throw new Error(dropped.message);
      expect(dropped.table.featureNames).toEqual(['x1', 'x2']);
      expect(dropped.report).toMatchObject({ rowsKept: 37, droppedRows: 3, cellsToFill: 0 });
      expect(Array.from(dropped.table.features).every(Number.isFinite)).toBe(true);

      const filled = buildTable(r, columns, planFor(r, 'mean'));
      if (!filled.ok) throw new Error(filled.message);
      expect(filled.report).toMatchObject({ rowsKept: 40, droppedRows: 0, cellsToFill: 3 });
      // Left as NaN for the scaler to fill with the training mean; never Infinity.
      expect(Array.from(filled.table.features).filter((v) => !Number.isFinite(v)).every(Number.isNaN)).toBe(true);
    });
  }

  it('says in the planner how many cells of which column were not finite', () => {
    const r = raw(csvWith('1e309'));
    expect(columnNotes(describeColumns(r), [])).toEqual(['"x2": 3 cells hold Infinity or a number too large to use (such as 1e309), counted as missing.']);
    const one = raw('a,y\n1,2\ninf,3\n4,5\n');
    expect(columnNotes(describeColumns(one), [])).toEqual(['"a": 1 cell holds Infinity or a number too large to use (such as 1e309), counted as missing.']);
  });

  it('drops a row whose numeric target is not finite, like a missing target', () => {
    const r = raw('x,y\n1,2\n2,Infinity\n3,1e309\n4,8\n5,10\n');
    const columns = describeColumns(r);
    const built = buildTable(r, columns, { target: 'y', ignored: [], task: { kind: 'regression' }, missing: 'drop' });
    expect(built.ok && built.report).toMatchObject({ rowsKept: 3, droppedRows: 2 });
    expect(built.ok && Array.from(built.table.targets)).toEqual([2, 8, 10]);
  });

  it('keeps such spellings as text in a column of text, where they may be a category', () => {
    const columns = describeColumns(raw('kind,y\nInfinity,1\nfinite,2\ninf,3\n'));
    expect(columns[0]).toMatchObject({ type: 'categorical', nonFinite: 0, missing: 0, distinct: ['finite', 'inf', 'Infinity'] });
  });

  it('reads decimal commas in a column that also holds Infinity', () => {
    const r = raw('a;y\n1,5;1\nInfinity;2\n2,5;3\n');
    expect(r.decimalCommaColumns).toEqual(['a']);
    expect(r.rows.map((row) => row[0])).toEqual(['1.5', 'Infinity', '2.5']);
    expect(describeColumns(r)[0]).toMatchObject({ type: 'numeric', nonFinite: 1 });
  });

  it('refuses a column with no values at all as a feature, saying so', () => {
    const r = raw('a,b,y\n1,inf,1\n2,NA,2\n3,-inf,3\n');
    const columns = describeColumns(r);
    expect(columns[1]).toMatchObject({ type: 'numeric', missing: 3, nonFinite: 2, distinct: [], stats: null });
    expect(buildTable(r, columns, { target: 'y', ignored: [], task: { kind: 'regression' }, missing: 'mean' })).toEqual({
      ok: false,
      message: 'Column "b" has no values at all (every cell is missing or not a finite number); leave it out.',
    });
    expect(columnNotes(columns, ['b'])).toContain('"b" is left out of the features: it has no values at all.');
  });
});

describe('a CSV of nothing but missing markers', () => {
  const markers = ['', 'NA', 'n/a', 'NaN', 'null', 'None', '?', '-', '#N/A', 'Infinity', '-inf', '1e309'];
  const files = Array.from({ length: 12 }, (_, f) => {
    const width = 2 + (f % 4);
    const rows = Array.from({ length: 3 + f }, (_, r) => Array.from({ length: width }, (_, c) => markers[(f + r * width + c) % markers.length]!).join(','));
    return [`file ${f + 1}`, `${Array.from({ length: width }, (_, c) => `c${c}`).join(',')}\n${rows.join('\n')}\n`] as const;
  });

  it.each(files)('%s is said to have no values at all', (_name, text) => {
    const parsed = parseCsvText(text);
    // Rows of nothing but delimiters are skipped as blank lines; what remains is no value either.
    if (!parsed.ok) {
      expect(parsed.message).toMatch(/no values at all|no data rows/);
      return;
    }
    const message = noTargetMessage(describeColumns(parsed.raw));
    expect(message).toMatch(/^The file has no values at all: every cell is empty, a marker of a missing value/);
    expect(message).not.toMatch(/single value|more than 50 different/);
  });

  it('says what each column lacks when only some are empty', () => {
    const texts = Array.from({ length: 60 }, (_, i) => `NA,7,name ${i}`).join('\n');
    expect(noTargetMessage(describeColumns(raw(`empty,same,name\n${texts}\n`)))).toBe(
      'No column can be predicted: "empty" has no values at all; "same" holds a single value; "name" holds text with more than 50 different values (such as names or ids). Use a file with a column of numbers or of a few categories.',
    );
  });

  it('says a file of only delimiters has no values, not that it is empty', () => {
    expect(parseCsvText(',,\n,,\n ,\t,\n')).toEqual({ ok: false, message: 'The file has no values at all: every row is empty.' });
    expect(parseCsvText('\n\n  \n')).toEqual({ ok: false, message: 'The file is empty.' });
  });
});
