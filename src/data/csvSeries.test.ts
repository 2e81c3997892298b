import { describe, expect, it } from 'vitest';
import { buildTable, describeReport, type ColumnPlan } from './buildTable';
import { describeColumns } from './columns';
import { parseCsvText } from './csvParse';
import { prepareSeries } from './series';

/** A monthly series: a date column, a temperature and a sales column (sales = 10 × month index), 30 rows. */
const monthly = (order: (i: number) => number = (i) => i): string => {
  const rows = Array.from({ length: 30 }, (_, k) => {
    const i = order(k);
    const date = `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
    return `${date},${(i % 12) + 0.5},${10 * i},shop ${i % 2}`;
  });
  return `date,temp,sales,shop\n${rows.join('\n')}\n`;
};

function build(text: string, plan: Partial<ColumnPlan>, window = { window: 3, horizon: 1 }) {
  const parsed = parseCsvText(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const columns = describeColumns(parsed.raw);
  return buildTable(parsed.raw, columns, { target: 'sales', ignored: ['shop'], task: { kind: 'regression' }, missing: 'drop', time: 'date', ...plan }, window);
}

function built(text: string, plan: Partial<ColumnPlan>, window?: { window: number; horizon: number }) {
  const result = build(text, plan, window);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('an uploaded CSV read as a time series', () => {
  it('becomes a series table: the numeric inputs at each step, the target among them, the times kept', () => {
    const { table, report } = built(monthly(), {});
    expect(table.modality).toBe('series');
    expect(table.featureNames).toEqual(['temp', 'sales']);
    expect(table.targetName).toBe('sales');
    expect(table.series).toMatchObject({ window: 3, horizon: 1, timeName: 'date' });
    expect(table.series!.times!.slice(0, 2)).toEqual(['2000-01-01', '2000-02-01']);
    expect(Array.from(table.targets.slice(0, 3))).toEqual([0, 10, 20]);
    expect(report.timeOrder).toEqual({ column: 'date', reordered: false });
    expect(describeReport(report, table.task)).toBe('A time series of 30 steps ordered by "date", predicting a number.');
  });

  it('sorts rows that are not in time order, and says so', () => {
    // The rows in reverse, then every pair swapped: sorting must restore 0, 10, 20, …
    const { table, report } = built(monthly((k) => (29 - k) ^ 1), {});
    expect(Array.from(table.targets)).toEqual(Array.from({ length: 30 }, (_, i) => 10 * i));
    expect(table.series!.times![0]).toBe('2000-01-01');
    expect(report.timeOrder!.reordered).toBe(true);
    expect(describeReport(report, table.task)).toContain('the rows were not in time order, so they were sorted by time');
  });

  it('windows several input columns: each example holds window × inputs values, and its target is the next step', () => {
    const { table } = built(monthly(), {}, { window: 3, horizon: 2 });
    const prepared = prepareSeries(table, 0.2, 'none');
    expect(prepared.inputShape).toEqual([3, 2]);
    // Window 0 holds rows 0–2 (temp, sales) and predicts row 4's sales.
    expect(Array.from(prepared.xTrain.slice(0, 6))).toEqual([0.5, 0, 1.5, 10, 2.5, 20]);
    expect(prepared.yTrain[0]).toBe(40);
    expect(prepared.trainRows[0]).toBe(4);
  });

  it('may leave the predicted column out of the inputs, and predict it from the others', () => {
    const { table } = built(monthly(), { ignored: ['shop', 'sales'] });
    expect(table.featureNames).toEqual(['temp']);
    expect(table.targetName).toBe('sales');
    const prepared = prepareSeries(table, 0.2, 'standard');
    expect(prepared.inputShape).toEqual([3, 1]);
    // Its own scale, fitted on the training rows (0 … 23): mean 115.
    expect(prepared.targetScaling.offset).toBeCloseTo(115, 4);
  });

  it('drops rows missing the predicted value and keeps the rest in time order', () => {
    const text = monthly().replace('2000-03-01,2.5,20', '2000-03-01,2.5,NA');
    const { table, report } = built(text, {});
    expect(report.droppedRows).toBe(1);
    expect(table.numRows).toBe(29);
    expect(table.series!.times!.slice(1, 3)).toEqual(['2000-02-01', '2000-04-01']);
  });

  it('says in plain words what stops the series', () => {
    const message = (plan: Partial<ColumnPlan>, text = monthly()) => {
      const result = build(text, plan);
      return result.ok ? 'built' : result.message;
    };
    expect(message({ ignored: ['shop', 'temp', 'sales'] })).toBe('No column is an input: keep at least one column of numbers for the model to see at each step.');
    expect(message({ ignored: [] })).toBe('"shop" holds text, and the inputs of a series are numbers at each step: leave it out of the inputs.');
    expect(message({ target: 'shop' })).toMatch(/^The predicted column "shop" holds text; a series predicts a number/);
    expect(message({ target: 'date' })).toBe('"date" holds the times the rows are ordered by; choose another column to predict.');
    expect(message({ time: 'nothing' })).toBe('There is no column named "nothing" to order the rows by.');
    expect(message({}, monthly().replace('2000-05-01', '2000-04-01'))).toBe(
      'Rows 5 and 6 have the same time in "date" (2000-04-01); a series needs one row per time step.',
    );
    expect(message({}, monthly().replace('2000-05-01', 'May 2000'))).toMatch(/^Row 6: "May 2000" in "date" is not a time the playground reads/);
  });

  it('is a table as before without a time column', () => {
    const { table } = built(monthly(), { time: null, ignored: [] });
    expect(table.modality).toBe('tabular');
    expect(table.series).toBeUndefined();
  });
});
