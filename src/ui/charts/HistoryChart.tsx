import { memo, type ReactNode } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EpochRecord } from '../../engine/protocol';
import { palette, validationDash } from './palette';

/**
 * How often the history charts redraw while epochs stream in: ten times a
 * second looks live, and leaves the main thread free between redraws.
 */
export const CHART_REDRAW_MS = 100;

interface HistoryChartProps {
  history: readonly EpochRecord[];
  /** Epoch limit of the run, so the x axis does not jump as epochs arrive. */
  epochs: number;
  trainKey: 'loss' | 'metric';
  valKey: 'valLoss' | 'valMetric';
  /** Series names as Keras's History calls them (loss / val_loss, mae / val_mae). */
  trainName: string;
  valName: string;
  yLabel: string;
  height: number;
  logScale?: boolean;
  /** Reference lines and areas drawn over the curves. */
  children?: ReactNode;
}

const tick = (value: number): string => {
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 0.01 || abs >= 1e4) ? value.toExponential(1) : String(Number(value.toPrecision(3)));
};

/**
 * Training and validation curves of one quantity per epoch, redrawn as epochs
 * arrive. Memoized: a Recharts redraw is costly, so it happens only when the
 * (throttled) history or another prop really changes.
 */
export const HistoryChart = memo(function HistoryChart(props: HistoryChartProps) {
  const { history, epochs, trainKey, valKey, trainName, valName, yLabel, height, logScale = false, children } = props;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={history as EpochRecord[]} margin={{ top: 4, right: 12, bottom: 16, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis
          dataKey="epoch"
          type="number"
          domain={[1, Math.max(2, epochs, history.length)]}
          allowDecimals={false}
          label={{ value: 'epoch', position: 'insideBottom', offset: -8 }}
          tick={{ fontSize: 11 }}
        />
        <YAxis
          width={56}
          scale={logScale ? 'log' : 'linear'}
          domain={logScale ? ['auto', 'auto'] : [0, 'auto']}
          allowDataOverflow={logScale}
          tickFormatter={tick}
          tick={{ fontSize: 11 }}
          label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 8 }}
        />
        <Tooltip
          formatter={(value) => (typeof value === 'number' ? value.toFixed(4) : String(value))}
          labelFormatter={(epoch) => `epoch ${String(epoch)}`}
        />
        <Legend verticalAlign="top" height={20} />
        <Line type="linear" dataKey={trainKey} name={trainName} stroke={palette.train} strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line
          type="linear"
          dataKey={valKey}
          name={valName}
          stroke={palette.validation}
          strokeWidth={2}
          strokeDasharray={validationDash}
          dot={false}
          isAnimationActive={false}
        />
        {children}
      </LineChart>
    </ResponsiveContainer>
  );
});
