import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { meanAbsoluteError } from '../../model/evaluation';
import { palette } from '../charts/palette';

/** Regression: each validation row's prediction against its actual value, with the line of perfect predictions. */
export function PredictedVsActual({ actual, predicted, targetName }: { actual: Float32Array; predicted: Float32Array; targetName: string }) {
  const points = Array.from(actual, (a, i) => ({ actual: a, predicted: predicted[i]! }));
  const values = [...actual, ...predicted].filter(Number.isFinite);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const mae = meanAbsoluteError(actual, predicted);
  return (
    <figure className="chart" aria-label="Predicted against actual">
      <figcaption className="chart-head">
        Predicted vs actual {targetName} <span className="metric-value">Validation MAE: {mae.toPrecision(4)}</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={220}>
        <ScatterChart margin={{ top: 4, right: 12, bottom: 16, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis type="number" dataKey="actual" name="actual" domain={[lo, hi]} tick={{ fontSize: 11 }} tickFormatter={(v: number) => String(Number(v.toPrecision(3)))} label={{ value: 'actual', position: 'insideBottom', offset: -8 }} />
          <YAxis type="number" dataKey="predicted" name="predicted" domain={[lo, hi]} width={48} tick={{ fontSize: 11 }} tickFormatter={(v: number) => String(Number(v.toPrecision(3)))} />
          <Tooltip formatter={(value) => (typeof value === 'number' ? value.toFixed(3) : String(value))} />
          <ReferenceLine segment={[{ x: lo, y: lo }, { x: hi, y: hi }]} stroke="#64748b" strokeDasharray="4 3" ifOverflow="extendDomain" />
          <Scatter data={points} fill={palette.validation} isAnimationActive={false} shape="circle" />
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
