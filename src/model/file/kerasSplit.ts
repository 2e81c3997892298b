/*
 * The split of a table's (or a 2-D set's, or an image set's) rows in an
 * exported Keras script. Where the export knows the run's rows, the script
 * holds them: the playground's validation and test rows, counted from 0 in
 * the data as the script reads it, so Keras trains, validates and tests on
 * exactly the rows the playground did. If the data the script reads has
 * another number of rows (another file, other rows dropped for missing
 * values), it says so and draws a fresh split of the same sizes with NumPy.
 */

/** The rows a run used, by index into its table. */
export interface ScriptRows {
  numRows: number;
  validation: ArrayLike<number>;
  test: ArrayLike<number>;
}

const num = (value: number): string => (Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(8))));

/** A NumPy array literal of row indices, twenty to a line. */
function indexArray(name: string, rows: ArrayLike<number>): string[] {
  const values = Array.from(rows);
  if (values.length === 0) return [`${name} = np.array([], dtype="int64")`];
  const lines: string[] = [];
  for (let i = 0; i < values.length; i += 20) lines.push(`    ${values.slice(i, i + 20).join(', ')},`);
  return [`${name} = np.array([`, ...lines, '], dtype="int64")'];
}

/** NumPy's own draw of the same sizes: validation rows first, then test rows. */
function drawnSplit(validationSplit: number, testSplit: number, seed: number, indent: string): string[] {
  return [
    `rng = np.random.default_rng(${seed})`,
    'order = rng.permutation(len(X))',
    `n_valid = max(1, round(len(X) * ${num(validationSplit)}))`,
    testSplit > 0 ? `n_test = min(len(X) - n_valid - 1, max(1, int(np.floor(len(X) * ${num(testSplit)} + 0.5))))` : 'n_test = 0',
    'valid, test = order[:n_valid], order[n_valid:n_valid + n_test]',
  ].map((line) => indent + line);
}

/**
 * Lines that define X_train, X_valid (and X_test with a test split), and the
 * same for y, from X and y. The test part is cut off before scaling and is
 * seen only by the final `model.evaluate`, as in the playground.
 */
export function splitCode(validationSplit: number, testSplit: number, seed: number, rows: ScriptRows | null): string[] {
  const withTest = testSplit > 0;
  const parts = withTest ? ['train', 'valid', 'test'] : ['train', 'valid'];
  const take = [
    'train = np.setdiff1d(np.arange(len(X)), np.concatenate([valid, test]))',
    `${parts.map((p) => `X_${p}`).join(', ')} = ${parts.map((p) => `X[${p}]`).join(', ')}`,
    `${parts.map((p) => `y_${p}`).join(', ')} = ${parts.map((p) => `y[${p}]`).join(', ')}`,
  ];
  const held = `${Math.round(validationSplit * 100)} % of the rows for validation${withTest ? ` and ${Math.round(testSplit * 100)} % as a test set, which no training, early stopping or choice sees` : ''}`;
  if (!rows) {
    return [
      `# Hold out ${held}`,
      '# (drawn by NumPy: not the playground\'s rows).',
      'X, y = np.asarray(X, dtype="float32"), np.asarray(y)',
      ...drawnSplit(validationSplit, testSplit, seed, ''),
      ...take,
    ];
  }
  return [
    `# The playground's own split: it held out ${held}.`,
    '# These are those rows, counted from 0 in the data as read above; the rest trains.',
    'X, y = np.asarray(X, dtype="float32"), np.asarray(y)',
    ...indexArray('valid', rows.validation),
    ...indexArray('test', rows.test),
    `if len(X) != ${rows.numRows}:`,
    `    print("The data has {} rows, not the playground's ${rows.numRows}: drawing a new split of the same sizes.".format(len(X)))`,
    ...drawnSplit(validationSplit, testSplit, seed, '    '),
    ...take,
  ];
}
