import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnNotes } from '../data/columnNotes';
import { describeColumns } from '../data/columns';
import { parseCsvText } from '../data/csvParse';
import { detectTimeColumns } from '../data/timeColumn';
import { TrainingClient } from '../engine/client';
import type { ParsedUpload } from '../engine/csvProtocol';
import { FakeWorker } from '../engine/fakeWorker';
import { expectMessage, FUZZ_SEED, runs, withinBound } from '../testing/fuzz';
import { planUpload } from './customData';
import { snapshotOf } from './experimentSchema';
import { createPlaygroundStore } from './store';

/**
 * The whole path of an uploaded CSV, from text to a planned table, over
 * random bytes, random delimiters and quoting, and random spellings of
 * numbers (finite, infinite, overflowing, missing, decimal commas). Each
 * file ends in a table or a message within the time bound; a table never
 * holds Infinity; and a column left out is always one the planner names.
 */

/** How numbers and their near misses are written in the wild. */
const numberSpelling: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String), weight: 8 },
  { arbitrary: fc.integer({ min: -1000, max: 1000 }).map(String), weight: 4 },
  {
    arbitrary: fc.constantFrom('Infinity', '-Infinity', '+Infinity', 'inf', '-inf', 'INF', '1e309', '-1e309', '1e39', '1.#INF', '#DIV/0!', '#NUM!', 'NaN', 'nan', '-nan', '#N/A', 'NA', '', '?', '-', 'null', 'None'),
    weight: 3,
  },
  { arbitrary: fc.tuple(fc.integer({ min: -99, max: 99 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a},${b}`), weight: 1 },
  { arbitrary: fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -400, max: 400 })).map(([m, e]) => `${m}e${e}`), weight: 1 },
  { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
);

/** A cell as a writer might quote it, now and then with a quote that never closes. */
const quoted = (cell: string, style: number): string => {
  if (style === 1) return `"${cell.replace(/"/g, '""')}"`;
  if (style === 2) return `'${cell}'`;
  if (style === 3) return `"${cell}`;
  return cell;
};

const table: fc.Arbitrary<string> = fc
  .record({
    width: fc.oneof({ arbitrary: fc.integer({ min: 2, max: 5 }), weight: 9 }, { arbitrary: fc.constant(1), weight: 1 }),
    height: fc.integer({ min: 0, max: 30 }),
    delimiter: fc.constantFrom(',', ';', '\t', '|', ' ', ':'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    header: fc.boolean(),
    bom: fc.boolean(),
    // How the file quotes: not at all, every cell, with single quotes, or one quote left open somewhere.
    quoting: fc.constantFrom(0, 0, 0, 0, 1, 2, 3),
    openAt: fc.nat(),
  })
  .chain(({ width, height, delimiter, newline, header, bom, quoting, openAt }) =>
    fc.array(fc.array(numberSpelling, { minLength: width, maxLength: width }), { minLength: height, maxLength: height }).map((rows) => {
      const cells = width * Math.max(1, height);
      const lines = rows.map((row, r) =>
        row.map((cell, c) => (quoting === 3 ? (openAt % cells === r * width + c ? quoted(cell, 3) : cell) : quoted(cell, quoting))).join(delimiter),
      );
      if (header) lines.unshift(Array.from({ length: width }, (_, i) => `col ${i}`).join(delimiter));
      return `${bom ? '\uFEFF' : ''}${lines.join(newline)}`;
    }),
  );

const randomBytes = fc.uint8Array({ maxLength: 400 }).map((bytes) => new TextDecoder().decode(bytes));
const anyCsv = fc.oneof({ arbitrary: table, weight: 6 }, { arbitrary: randomBytes, weight: 2 }, { arbitrary: fc.string({ maxLength: 200 }), weight: 1 });

/** Parses, describes and plans, as the CSV worker and the store do. */
function upload(text: string) {
  const parsed = parseCsvText(text);
  if (!parsed.ok) return { parsed, planned: null };
  const columns = describeColumns(parsed.raw);
  return { parsed, planned: planUpload('fuzz.csv', parsed.raw, columns) };
}

describe('any CSV', () => {
  it('ends in a table free of Infinity, or a message, and never drops a column unsaid', () => {
    const tally = { refusedParsing: 0, refusedPlan: 0, tables: 0, withNonFinite: 0 };
    fc.assert(
      fc.property(anyCsv, (text) => {
        const { parsed, planned } = withinBound('parsing and planning a CSV', () => upload(text));
        if (!parsed.ok) {
          tally.refusedParsing++;
          return expectMessage(parsed.message);
        }
        if (!planned!.ok) {
          tally.refusedPlan++;
          return expectMessage(planned!.message);
        }
        tally.tables++;
        const { custom, table: built } = planned!;
        if (custom.columns.some((column) => column.nonFinite > 0)) tally.withNonFinite++;
        expect(Array.from(built.features).some((v) => v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY)).toBe(false);
        expect(Array.from(built.targets).every(Number.isFinite)).toBe(true);
        // Every column is the target, a feature (one-hot ones as `name=value`), or left out with the reason said.
        const notes = columnNotes(custom.columns, custom.plan.ignored);
        for (const column of custom.columns) {
          if (column.name === custom.plan.target) continue;
          const used = built.featureNames.some((name) => name === column.name || name.startsWith(`${column.name}=`));
          if (!used) expect(notes.some((note) => note.startsWith(`"${column.name}" is left out`)), `column ${column.name}`).toBe(true);
        }
        // Cells that are no finite number are said, with their count.
        for (const column of custom.columns) {
          if (column.nonFinite > 0) expect(notes.some((note) => note.startsWith(`"${column.name}": ${column.nonFinite} cell`))).toBe(true);
        }
      }),
      { seed: FUZZ_SEED, numRuns: runs(1200) },
    );
    console.info('CSV fuzz:', tally);
    // Guards against a generator that drifts into making only one kind of file.
    for (const count of Object.values(tally)) expect(count).toBeGreaterThan(runs(1200) / 100);
  });

  it('leaves the experiment on screen as it was when the upload is refused', async () => {
    const store = createPlaygroundStore({
      client: new TrainingClient('auto', () => new FakeWorker()),
      files: {
        text: (file) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
        bytes: async (file) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
      },
      parseCsv: async (file): Promise<ParsedUpload> => {
        const result = parseCsvText(await file.text());
        if (!result.ok) return result;
        const columns = describeColumns(result.raw);
        return { ok: true, raw: result.raw, columns, timeColumns: detectTimeColumns(result.raw, columns) };
      },
    });
    store.getState().selectDataset('moons');
    await fc.assert(
      fc.asyncProperty(anyCsv, async (text) => {
        const before = snapshotOf(store.getState());
        await store.getState().uploadCsv(new Blob([text]), 'fuzz.csv');
        const { uploadError, datasetId } = store.getState();
        if (uploadError !== null) {
          expect(uploadError.startsWith('fuzz.csv: ')).toBe(true);
          expect(snapshotOf(store.getState())).toEqual(before);
        } else {
          expect(datasetId).toBe('custom');
          store.getState().selectDataset('moons');
        }
      }),
      { seed: FUZZ_SEED, numRuns: runs(150) },
    );
  });
});
