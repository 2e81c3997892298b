import { memo, useMemo, type ReactNode } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EpochRecord } from '../../engine/protocol';
import { palette, validationDash } from './palette';

/**
 * How often the history charts redraw while epochs stream in: four times a
 * second still looks live. A Recharts redraw takes 25-45 ms on the slow
 * test machine whatever the number of points, so fewer redraws leave fewer
 * chances for one to meet a garbage collection and pass 50 ms.
 */
export const CHART_REDRAW_MS = 250;

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

/** Most points a curve is drawn with: more than a chart's width can show, few enough to redraw fast. */
export const MAX_CHART_POINTS = 150;

/** Every k-th record and the last one, when there are more than `max`. */
export function thinHistory(history: readonly EpochRecord[], max = MAX_CHART_POINTS): EpochRecord[] {
  if (history.length <= max) return history as EpochRecord[];
  const step = Math.ceil(history.length / max);
  return history.filter((_, i) => i % step === 0 || i === history.length - 1);
}

// Props that Recharts compares by identity: a new object each render would
// make it recompute its whole layout, so they are made once here.
const margin = { top: 4, right: 12, bottom: 16, left: 4 };
const xLabel = { value: 'epoch', position: 'insideBottom', offset: -8 } as const;
const tickStyle = { fontSize: 11 };
const linearDomain: [number, 'auto'] = [0, 'auto'];
const logDomain: ['auto', 'auto'] = ['auto', 'auto'];
const tooltipValue = (value: unknown) => (typeof value === 'number' ? value.toFixed(4) : String(value));
const tooltipLabel = (epoch: unknown) => `epoch ${String(epoch)}`;

/**
 * Training and validation curves of one quantity per epoch, redrawn as epochs
 * arrive. Memoized: a Recharts redraw is costly, so it happens only when the
 * (throttled) history or another prop really changes.
 */
export const HistoryChart = memo(function HistoryChart(props: HistoryChartProps) {
  const { history, epochs, trainKey, valKey, trainName, valName, yLabel, height, logScale = false, children } = props;
  const data = useMemo(() => thinHistory(history), [history]);
  const lastEpoch = Math.max(2, epochs, history.length);
  const xDomain = useMemo(() => [1, lastEpoch], [lastEpoch]);
  const yAxisLabel = useMemo(() => ({ value: yLabel, angle: -90, position: 'insideLeft', offset: 8 }) as const, [yLabel]);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data} margin={margin}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        {/* interval 0: draw the few ticks there are without measuring label text in the DOM to thin them out. */}
        <XAxis dataKey="epoch" type="number" domain={xDomain} allowDecimals={false} label={xLabel} tick={tickStyle} interval={0} />
        <YAxis
          width={56}
          scale={logScale ? 'log' : 'linear'}
          domain={logScale ? logDomain : linearDomain}
          allowDataOverflow={logScale}
          tickFormatter={tick}
          tick={tickStyle}
          interval={0}
          label={yAxisLabel}
        />
        <Tooltip formatter={tooltipValue} labelFormatter={tooltipLabel} />
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
