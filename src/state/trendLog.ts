import { QUANTILES, type LayerTrends, type TrendRow } from '../engine/protocol';

export type { TrendRow };

/** The trends of a run so far: epochs in order, with gaps where no view watched them. */
export interface TrendLog {
  /** Spec indices of the layers with a kernel; empty before the first report. */
  layers: number[];
  rows: TrendRow[];
}

export const emptyTrends: TrendLog = { layers: [], rows: [] };

/** The log with a report's epochs appended (epochs at or before its last one are ignored, as duplicates). */
export function appendTrends(log: TrendLog, trends: LayerTrends): TrendLog {
  const k = trends.layers.length;
  const q = QUANTILES.length;
  const count = k === 0 ? 0 : trends.gradientNorms.length / k;
  const lastEpoch = log.rows[log.rows.length - 1]?.epoch ?? 0;
  const rows: TrendRow[] = [];
  for (let r = 0; r < count; r++) {
    const epoch = trends.fromEpoch + r;
    if (epoch <= lastEpoch) continue;
    rows.push({
      epoch,
      gradientNorms: trends.gradientNorms.subarray(r * k, (r + 1) * k),
      weightQuantiles: trends.weightQuantiles.subarray(r * k * q, (r + 1) * k * q),
    });
  }
  if (rows.length === 0) return log;
  return { layers: trends.layers, rows: [...log.rows, ...rows] };
}

/** The log up to `epoch` (a run moved to another backend trains the later ones again). */
export function trendsUpTo(log: TrendLog, epoch: number): TrendLog {
  const rows = log.rows.filter((row) => row.epoch <= epoch);
  return rows.length === log.rows.length ? log : { ...log, rows };
}
