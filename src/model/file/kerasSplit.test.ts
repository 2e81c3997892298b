import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitCode } from './kerasSplit';

/** A Python with NumPy: $KERAS_PYTHON (an executable or a venv folder), else python3; null without one. */
function pythonWithNumpy(): string | null {
  const given = process.env.KERAS_PYTHON;
  const candidates = [given && existsSync(`${given}/bin/python`) ? `${given}/bin/python` : given, 'python3'].filter((p): p is string => Boolean(p));
  return candidates.find((python) => spawnSync(python, ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0) ?? null;
}
const python = pythonWithNumpy();
if (!python) console.info('Skipping the NumPy run of the split: no Python with NumPy (set KERAS_PYTHON to one).');

/** Runs the split on X = 0 … n−1 and returns each part's rows. */
function runSplit(lines: string[], numRows: number): { train: number[]; valid: number[]; test: number[] } {
  const program = [
    'import json',
    'import numpy as np',
    `X = np.arange(${numRows}, dtype="float32").reshape(-1, 1)`,
    `y = np.arange(${numRows})`,
    ...lines,
    'X_test = X_test if "X_test" in dir() else X[[]]',
    'print(json.dumps({k: [int(v) for v in a[:, 0]] for k, a in [("train", X_train), ("valid", X_valid), ("test", X_test)]}))',
  ].join('\n');
  return JSON.parse(execFileSync(python!, ['-c', program], { encoding: 'utf8' }).trim().split('\n').pop()!) as { train: number[]; valid: number[]; test: number[] };
}

describe("the Keras script's split", () => {
  const rows = { numRows: 50, validation: [3, 17, 4, 40, 22, 9, 31, 8, 0, 49], test: [1, 2, 48, 30, 12] };

  it('holds the playground’s own validation and test rows when it knows them', () => {
    const code = splitCode(0.2, 0.1, 7, rows).join('\n');
    expect(code).toContain('3, 17, 4, 40, 22, 9, 31, 8, 0, 49');
    expect(code).toContain('1, 2, 48, 30, 12');
    expect(code).toContain('if len(X) != 50:');
  });

  it('without them says the rows are NumPy’s', () => {
    const code = splitCode(0.2, 0, 7, null).join('\n');
    expect(code).toContain("drawn by NumPy: not the playground's rows");
    expect(code).not.toContain('X_test');
  });

  it.skipIf(!python)('runs in NumPy: the playground’s rows exactly, the rest trains; other data gets a fresh split of the same sizes', () => {
    const parts = runSplit(splitCode(0.2, 0.1, 7, rows), 50);
    expect(parts.valid).toEqual(rows.validation);
    expect(parts.test).toEqual(rows.test);
    expect(parts.train).toHaveLength(35);
    expect(new Set([...parts.train, ...parts.valid, ...parts.test]).size).toBe(50);
    // A file with more rows than the playground had: NumPy's split, 20 % and 10 % of it.
    const other = runSplit(splitCode(0.2, 0.1, 7, rows), 60);
    expect(other.valid).toHaveLength(12);
    expect(other.test).toHaveLength(6);
    expect(new Set([...other.train, ...other.valid, ...other.test]).size).toBe(60);
    // Without a test split there is none.
    const noTest = runSplit(splitCode(0.2, 0, 7, { ...rows, test: [] }), 50);
    expect(noTest.test).toEqual([]);
    expect(noTest.train).toHaveLength(40);
  });
});
