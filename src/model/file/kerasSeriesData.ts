/*
 * Where the Keras script of a time series finds its values, and the facts
 * of the playground's windowing it repeats. A shipped series is read from
 * its own file; a generated series and an uploaded one go with the script
 * as a CSV the playground writes (see seriesScriptData for why an upload
 * is not read from the person's own file).
 */

/** How the script finds a series: the file it reads, its columns, and the facts of the playground's windowing it repeats. */
export interface SeriesScriptData {
  kind: 'series';
  /** The CSV the script reads: a shipped file's name, or the file saved beside the script for a generated or uploaded series. */
  file: string;
  /** The input columns, in the model's feature order (the table's featureNames): one value of each at every step. */
  inputs: string[];
  /** The predicted column; one of `inputs` when the series predicts itself. */
  target: string;
  /** The column of times the rows are ordered by, or null for a generated series counted in steps. */
  time: string | null;
  /** Steps in the series, so the script can tell when it is given another file. */
  numRows: number;
  /** Steps of history in one example. */
  window: number;
  /** Steps after the window's last step whose value is predicted. */
  horizon: number;
  /** Whether an input cell is missing somewhere, so the script must fill it with the column's training mean as the playground does. */
  missing: boolean;
  /** For a generated or uploaded series, the CSV text to save as `file` beside the script; null for a shipped file. */
  csv: string | null;
}

/**
 * A float32 as the fewest significant digits that read back to the same
 * float32 (103.7, not 103.699997): what the person typed, where the value
 * came from a file. Nine digits always suffice.
 */
export function float32Text(value: number): string {
  for (let digits = 1; digits < 9; digits++) {
    const text = Number(value.toPrecision(digits));
    if (Math.fround(text) === value) return String(text);
  }
  return String(Number(value.toPrecision(9)));
}

/** A generated series as CSV text: a step column, then the values, as parseSeriesCsv reads a shipped file. */
export function seriesCsv(column: string, values: Float32Array): string {
  const lines = [`step,${column}`];
  values.forEach((v, t) => lines.push(`${t},${float32Text(v)}`));
  return `${lines.join('\n')}\n`;
}

/** A CSV field, quoted when a delimiter, a quote, a line break or edge spaces would otherwise change how it reads. */
const field = (text: string): string => (/[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** What seriesScriptData reads of a series table (data/table.ts's Table fits it). */
export interface SeriesTableFacts {
  featureNames: string[];
  targetName: string;
  /** numRows × featureNames.length values, row-major; NaN marks a missing input. */
  features: Float32Array;
  targets: Float32Array;
  numRows: number;
  series?: { window: number; horizon: number; timeName: string | null; times: string[] | null } | null;
}

/**
 * An uploaded series as the playground holds it: one row a step in its time
 * order, the time as the file wrote it, the inputs in feature order (a
 * missing one left empty) and the target last unless it is an input.
 */
export function uploadedSeriesCsv(table: SeriesTableFacts): string {
  const { featureNames: inputs, numRows } = table;
  const times = table.series?.times ?? null;
  const timeName = table.series?.timeName ?? null;
  const ownTarget = inputs.includes(table.targetName);
  const header = [...(timeName !== null && times ? [timeName] : []), ...inputs, ...(ownTarget ? [] : [table.targetName])];
  const lines = [header.map(field).join(',')];
  for (let r = 0; r < numRows; r++) {
    const cells = timeName !== null && times ? [field(times[r]!)] : [];
    for (let c = 0; c < inputs.length; c++) {
      const v = table.features[r * inputs.length + c]!;
      cells.push(Number.isNaN(v) ? '' : float32Text(v));
    }
    if (!ownTarget) cells.push(float32Text(table.targets[r]!));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The name of the file an uploaded series is saved as: the upload's name, marked as the playground's ordered rows. */
export function uploadedSeriesFile(fileName: string): string {
  const stem = fileName.replace(/\.[^./\\]*$/, '').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+|_+$/g, '');
  return `${stem || 'data'}_series.csv`;
}

/** Where a series comes from: a shipped file, a generated series (its dataset id), or an upload (its file name). */
export type SeriesSource = { file: string } | { generated: string } | { uploaded: string };

/**
 * The script data of a series. An upload is not read from the person's own
 * file but from the rows the playground built of it, saved beside the
 * script: the playground dropped rows missing the target (or an input, as
 * the person chose), read missing markers ("NA", "?", "#DIV/0!"), numbers,
 * delimiters and times its own way, and ordered the rows by instants that
 * pandas cannot always hold (years before 1678, times of day, zones).
 * Repeating all of that in pandas could drift by one row and shift every
 * window; the saved rows give the script the very windows the model saw.
 */
export function seriesScriptData(source: SeriesSource, table: SeriesTableFacts): SeriesScriptData {
  if (!table.series) throw new Error('seriesScriptData needs a time-series table.');
  const { window, horizon, timeName } = table.series;
  const shared = {
    kind: 'series' as const,
    inputs: [...table.featureNames],
    target: table.targetName,
    time: timeName,
    numRows: table.numRows,
    window,
    horizon,
    missing: table.features.some(Number.isNaN),
  };
  if ('file' in source) return { ...shared, file: source.file, csv: null };
  if ('generated' in source) return { ...shared, file: `${source.generated}.csv`, csv: seriesCsv(table.targetName, table.targets) };
  return { ...shared, file: uploadedSeriesFile(source.uploaded), csv: uploadedSeriesCsv(table) };
}

/** The first validation row, as data/split.ts's splitSizes puts it: the last `fraction` of the steps (at least one) are held out. */
export function seriesSplitRow(numRows: number, fraction: number): number {
  return numRows - Math.min(numRows - 1, Math.max(1, Math.round(numRows * fraction)));
}
