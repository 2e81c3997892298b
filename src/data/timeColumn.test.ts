import { describe, expect, it } from 'vitest';
import { describeColumns } from './columns';
import { parseCsvText, type RawCsv } from './csvParse';
import { detectTimeColumns, orderByTime, parseTime } from './timeColumn';

function csv(text: string): RawCsv {
  const parsed = parseCsvText(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.raw;
}

const detect = (text: string) => {
  const raw = csv(text);
  return detectTimeColumns(raw, describeColumns(raw));
};

/** Orders every row of a file by its column `name`. */
const order = (text: string, name: string) => {
  const raw = csv(text);
  const column = describeColumns(raw).find((c) => c.name === name)!;
  return orderByTime(raw, column, raw.rows.map((_, i) => i), 2);
};

describe('reading one cell as a time', () => {
  it('reads months, dates, datetimes with zones and times of day, in the order they happen', () => {
    expect(parseTime('1958-03')).toEqual({ format: 'month', key: Date.UTC(1958, 2, 1) });
    expect(parseTime(' 1958-03-01 ')).toEqual({ format: 'date', key: Date.UTC(1958, 2, 1) });
    expect(parseTime('1958/3/1')).toEqual({ format: 'date', key: Date.UTC(1958, 2, 1) });
    expect(parseTime('2024-02-29T12:30')).toEqual({ format: 'datetime', key: Date.UTC(2024, 1, 29, 12, 30) });
    expect(parseTime('2024-01-01 10:00:00+02:00')!.key).toBe(Date.UTC(2024, 0, 1, 8));
    expect(parseTime('2024-01-01T08:00:00.250Z')!.key).toBe(Date.UTC(2024, 0, 1, 8, 0, 0, 250));
    expect(parseTime('07:45:10')).toEqual({ format: 'time', key: Date.UTC(1970, 0, 1, 7, 45, 10) });
  });

  it('reads a bare number as a year only when asked, and early years as themselves, not as 19xx', () => {
    expect(parseTime('1700')).toBeNull();
    const early = new Date(parseTime('0050', true)!.key);
    expect(early.getUTCFullYear()).toBe(50);
    expect(parseTime('1700', true)!.key).toBeLessThan(parseTime('1701', true)!.key);
  });

  it('refuses days and times that do not exist, and text that is no time', () => {
    for (const cell of ['1958-13', '1958-02-30', '2023-02-29', '1958-03-01T25:00', '12:61', '1958-03-01T10:00+25:00', 'March 1958', '3/1/1958', '', 'abc']) {
      expect(parseTime(cell), cell).toBeNull();
    }
  });
});

describe('finding the time columns of an upload', () => {
  it('finds a date column and says how it writes time', () => {
    expect(detect('date,co2,temp\n1958-03-01,315.7,1.5\n1958-04-01,317.4,2.5\n1958-05-01,317.5,3\n')).toEqual([
      { name: 'date', format: 'date', example: '1958-03-01' },
    ]);
    expect(detect('month;value\n1958-03;1\n1958-04;2\n')).toEqual([{ name: 'month', format: 'month', example: '1958-03' }]);
    expect(detect('stamp,v\n2024-01-01 10:00,1\n2024-01-01 11:00,2\n')[0]!.format).toBe('datetime');
  });

  it('finds years by a name that says so, or by rising values from 1000 to 2999; other numbers stay numbers', () => {
    expect(detect('YEAR,spots\n1700,5\n1701,11\n1702,16\n')).toEqual([{ name: 'YEAR', format: 'year', example: '1700' }]);
    expect(detect('a,b\n1700,5\n1701,11\n1702,16\n')).toEqual([{ name: 'a', format: 'year', example: '1700' }]);
    // Amounts in that range but not in order, and numbers with decimals, are not years.
    expect(detect('price,b\n1700,5\n1500,11\n1702,16\n')).toEqual([]);
    expect(detect('year,b\n1700.5,5\n1701,11\n')).toEqual([]);
    // Years that repeat (the year a house was built) order nothing.
    expect(detect('year,price\n1990,5\n1985,11\n1990,7\n')).toEqual([]);
    expect(detect('year,price\n1990,5\n1985,11\n1991,7\n')).toEqual([{ name: 'year', format: 'year', example: '1990' }]);
  });

  it('offers a column that is mostly times, marking mixed ways of writing them', () => {
    expect(detect('when,v\n1958-03,1\n1958-04-01,2\n1958-05,3\n')).toEqual([{ name: 'when', format: 'mixed', example: '1958-03' }]);
    expect(detect('when,v\n1958-03-01,1\n1958-13-01,2\n1958-05-01,3\n')).toEqual([{ name: 'when', format: 'date', example: '1958-03-01' }]);
    expect(detect('name,v\nann,1\nbob,2\n1958-05-01,3\n')).toEqual([]);
  });
});

describe('ordering rows by time', () => {
  it('keeps rows already in order, and sorts rows that are not', () => {
    expect(order('t,v\n2000-01,1\n2000-02,2\n2000-03,3\n', 't')).toEqual({ ok: true, format: 'month', order: [0, 1, 2], reordered: false });
    expect(order('t,v\n2000-03,3\n2000-01,1\n2000-02,2\n', 't')).toEqual({ ok: true, format: 'month', order: [1, 2, 0], reordered: true });
    // By instant, not by text: 10:30 at +01:00 is 09:30 UTC, between 09:00 and 10:00.
    expect(order('t,v\n2024-01-01T10:00Z,1\n2024-01-01T09:00Z,2\n2024-01-01T10:30+01:00,3\n', 't')).toMatchObject({ order: [1, 2, 0] });
    expect(order('year,v\n1702,1\n1700,2\n1701,3\n', 'year')).toMatchObject({ format: 'year', order: [1, 2, 0] });
  });

  it('refuses repeated times, naming both rows as the file numbers them', () => {
    expect(order('t,v\n2000-01,1\n2000-02,2\n2000-01,3\n', 't')).toEqual({
      ok: false,
      message: 'Rows 2 and 4 have the same time in "t" (2000-01); a series needs one row per time step.',
    });
    // One instant written in two zones is a repeat too.
    expect(order('t,v\n2024-01-01T10:00Z,1\n2024-01-01T11:00+01:00,2\n', 't')).toMatchObject({ ok: false, message: expect.stringContaining('Rows 2 and 3') });
  });

  it('refuses a time it cannot read, a missing one, and times written in more than one way', () => {
    expect(order('t,v\n2000-01-01,1\n2000-02-30,2\n', 't')).toEqual({
      ok: false,
      message: 'Row 3: "2000-02-30" in "t" is not a time the playground reads; write times as 1958, 1958-03, 1958-03-01 or 1958-03-01 12:00.',
    });
    expect(order('t,v\n2000-01-01,1\nNA,2\n', 't')).toEqual({ ok: false, message: 'Row 3 has no time in "t"; every step of a series needs one.' });
    expect(order('t,v\n2000-01,1\n2000-02-01,2\n', 't')).toEqual({
      ok: false,
      message: '"t" mixes ways of writing time: row 2 holds a month (1958-03), row 3 a date (1958-03-01). Write every time the same way.',
    });
  });
});
