import { useMemo } from 'react';
import type { Table } from '../../data/table';
import { usePlayground } from '../../state';
import { SampleImages } from './SampleImages';

const PREVIEW_ROWS = 6;
const PREVIEW_COLUMNS = 12;

const fmt = (value: number): string =>
  Number.isNaN(value) ? '—' : Math.abs(value) >= 1000 || Number.isInteger(value) ? String(Math.round(value * 100) / 100) : value.toPrecision(3);

/** Minimum, maximum, mean and standard deviation of each feature, over all rows (missing cells skipped). */
function columnStats(table: Table): { name: string; min: number; max: number; mean: number; std: number }[] {
  const cols = table.featureNames.length;
  return table.featureNames.slice(0, PREVIEW_COLUMNS).map((name, c) => {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let sum = 0;
    let sq = 0;
    let n = 0;
    for (let r = 0; r < table.numRows; r++) {
      const v = table.features[r * cols + c]!;
      if (Number.isNaN(v)) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
      sq += v * v;
      n++;
    }
    const mean = n > 0 ? sum / n : Number.NaN;
    return { name, min, max, mean, std: n > 0 ? Math.sqrt(Math.max(0, sq / n - mean * mean)) : Number.NaN };
  });
}

/** The first rows of the data and per-column statistics; sample images for image sets. */
export function DataPreview() {
  const dataset = usePlayground((state) => state.dataset);
  const table = dataset.status === 'ready' ? dataset.table : null;
  const stats = useMemo(() => (table && table.modality !== 'image' ? columnStats(table) : []), [table]);
  if (!table) return null;
  if (table.modality === 'image') return <SampleImages table={table} />;
  const cols = table.featureNames.length;
  const shown = table.featureNames.slice(0, PREVIEW_COLUMNS);
  // A series' steps are shown with their times, as the file wrote them (in time order).
  const times = table.series?.times ?? null;
  const targetText = (r: number): string => {
    const t = table.targets[r]!;
    return table.classNames ? (table.classNames[t] ?? String(t)) : fmt(t);
  };
  return (
    <details className="data-preview">
      <summary>Preview and statistics</summary>
      <div className="scroll-x">
        <table aria-label="Data preview">
          <thead>
            <tr>
              {times && <th scope="col">{table.series!.timeName ?? 'time'}</th>}
              {shown.map((name) => (
                <th key={name} scope="col">
                  {name}
                </th>
              ))}
              {cols > PREVIEW_COLUMNS && <th scope="col">…</th>}
              <th scope="col">{table.targetName}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: Math.min(PREVIEW_ROWS, table.numRows) }, (_, r) => (
              <tr key={r}>
                {times && <td>{times[r]}</td>}
                {shown.map((name, c) => (
                  <td key={name}>{fmt(table.features[r * cols + c]!)}</td>
                ))}
                {cols > PREVIEW_COLUMNS && <td>…</td>}
                <td>{targetText(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table aria-label="Column statistics">
          <thead>
            <tr>
              <th scope="col">feature</th>
              <th scope="col">min</th>
              <th scope="col">max</th>
              <th scope="col">mean</th>
              <th scope="col">std</th>
            </tr>
          </thead>
          <tbody>
            {stats.map((s) => (
              <tr key={s.name}>
                <td>{s.name}</td>
                <td>{fmt(s.min)}</td>
                <td>{fmt(s.max)}</td>
                <td>{fmt(s.mean)}</td>
                <td>{fmt(s.std)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
