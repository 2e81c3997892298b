import { memo, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { linePath, nearestIndex, valueRange, type Point } from './path';
import { epochTicks, linearAxis, logAxis, scaleOf, tickLabel } from './scale';
import { useWidth } from './useWidth';

/** One line of the chart: a value per epoch. */
export interface Curve {
  id: string;
  /** Shown in the legend and the readout (Keras's names: loss, val_loss, …). */
  name: string;
  points: readonly Point[];
  color: string;
  dash?: string;
  width?: number;
  opacity?: number;
}

/** What a teacher points at: an epoch (best, early stop, learning-rate change) or a stretch of epochs. */
export type Marker =
  | { kind: 'line'; id: string; x: number; color: string; dash?: string; label: string; labelColor?: string; place: 'top' | 'top2' | 'bottom' }
  | { kind: 'area'; id: string; from: number; to: number; color: string; label: string };

interface CurveChartProps {
  /** What the chart shows, for the keyboard readout's name ("Loss per epoch"). */
  title: string;
  curves: readonly Curve[];
  markers?: readonly Marker[];
  /** The x axis runs from epoch 1 to this one, so it does not jump as epochs arrive. */
  lastEpoch: number;
  yLabel: string;
  /** Height of the plot in CSS pixels, without the legend. */
  height: number;
  logScale?: boolean;
  /** What the x axis counts, in the axis title and the readout: "epoch" unless said. */
  xLabel?: string;
  /** The y axis starts at 0 (or below); false fits it to the values, for a series far from 0 such as CO2 in ppm. */
  fromZero?: boolean;
}

const margin = { top: 8, right: 12, bottom: 30, left: 56 };
const gridColor = '#e2e8f0';
const axisColor = '#94a3b8';
const textColor = '#475569';

/**
 * A line chart of values per epoch drawn as plain SVG. The history charts
 * redraw several times a second while a run streams epochs in; drawn this way
 * a redraw costs well under a millisecond of script, where a general chart
 * library's took 25–70 ms on a slow machine, long enough to make the page
 * stutter. Points can be read by hovering or, with the chart focused, with the
 * arrow keys; the "Training history" table holds every number as text.
 */
export const CurveChart = memo(function CurveChart(props: CurveChartProps) {
  const { title, curves, markers = [], lastEpoch, yLabel, height, logScale = false, xLabel = 'epoch', fromZero = true } = props;
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const [hover, setHover] = useState<number | null>(null);

  const plot = useMemo(() => {
    const right = Math.max(margin.left + 10, width - margin.right);
    const bottom = height - margin.bottom;
    const [min, max] = valueRange(
      curves.map((c) => c.points),
      logScale,
    );
    // A short chart gets fewer ticks, so their labels do not crowd.
    const yAxis = logScale ? logAxis(min, max) : linearAxis(fromZero ? Math.min(0, min) : min, max, height < 160 ? 3 : 5);
    const px = scaleOf({ domain: [1, lastEpoch], ticks: [], log: false }, margin.left, right);
    const py = scaleOf(yAxis, bottom, margin.top);
    const paths = curves.map((c) => linePath(c.points, px, py, logScale));
    return { right, bottom, yAxis, px, py, paths };
  }, [curves, width, height, lastEpoch, logScale, fromZero]);

  const dataEnd = Math.max(1, ...curves.map((c) => c.points.at(-1)?.[0] ?? 1));
  const epochAt = (clientX: number): number => {
    const rect = box.current?.getBoundingClientRect();
    const x = clientX - (rect?.left ?? 0);
    const epoch = Math.round(1 + ((x - margin.left) / (plot.right - margin.left)) * (lastEpoch - 1));
    return Math.min(dataEnd, Math.max(1, epoch));
  };
  const onPointerMove = (event: PointerEvent) => setHover(epochAt(event.clientX));
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 10 : 1;
    const moves: Record<string, (at: number) => number> = {
      ArrowLeft: (at) => at - step,
      ArrowRight: (at) => at + step,
      Home: () => 1,
      End: () => dataEnd,
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    setHover(Math.min(dataEnd, Math.max(1, move(hover ?? dataEnd))));
  };

  const { right, bottom, yAxis, px, py, paths } = plot;
  const hoverX = hover !== null ? px(hover) : 0;
  return (
    <div className="curve-chart">
      <ul className="chart-legend" aria-label="Legend">
        {curves.map((c) => (
          <li key={c.id}>
            <svg width="18" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="18" y2="4" stroke={c.color} strokeWidth={c.width ?? 2} strokeDasharray={c.dash} strokeOpacity={c.opacity} />
            </svg>
            {c.name}
          </li>
        ))}
      </ul>
      <div
        ref={box}
        className="curve-plot"
        style={{ height }}
        tabIndex={0}
        // A named application: a focused screen reader then passes the arrow keys through to the readout (aria-live) below.
        role="application"
        aria-label={`${title}: hover, or use the arrow keys, to read the values at ${xLabel === 'epoch' ? 'an epoch' : `a ${xLabel}`}`}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(null)}
        onKeyDown={onKeyDown}
        onBlur={() => setHover(null)}
      >
        {width > 0 && (
          <svg width={width} height={height} aria-hidden="true">
            {yAxis.ticks.map((t) => (
              <line key={t} className="grid" x1={margin.left} x2={right} y1={py(t)} y2={py(t)} stroke={gridColor} strokeDasharray="3 3" />
            ))}
            {markers.map((m) =>
              m.kind === 'area' ? (
                <g key={m.id}>
                  <rect x={px(m.from)} width={Math.max(1, px(m.to) - px(m.from))} y={margin.top} height={bottom - margin.top} fill={m.color} fillOpacity={0.1} />
                  <text x={(px(m.from) + px(m.to)) / 2} y={bottom - 6} textAnchor="middle" fontSize={11} fill={m.color}>
                    {m.label}
                  </text>
                </g>
              ) : null,
            )}
            <g className="y-axis" fontSize={11} fill={textColor} textAnchor="end">
              <line x1={margin.left} x2={margin.left} y1={margin.top} y2={bottom} stroke={axisColor} />
              {yAxis.ticks.map((t) => (
                <text key={t} className="y-tick" x={margin.left - 6} y={py(t)} dominantBaseline="middle">
                  {tickLabel(t)}
                </text>
              ))}
              <text transform={`translate(12 ${(margin.top + bottom) / 2}) rotate(-90)`} textAnchor="middle">
                {yLabel}
              </text>
            </g>
            <g className="x-axis" fontSize={11} fill={textColor} textAnchor="middle">
              <line x1={margin.left} x2={right} y1={bottom} y2={bottom} stroke={axisColor} />
              {epochTicks(lastEpoch).map((t) => (
                <text key={t} className="x-tick" x={px(t)} y={bottom + 14}>
                  {t}
                </text>
              ))}
              <text x={(margin.left + right) / 2} y={height - 2}>
                {xLabel}
              </text>
            </g>
            {curves.map((c, i) =>
              paths[i] ? (
                <path
                  key={c.id}
                  className="curve"
                  data-series={c.id}
                  d={paths[i]}
                  fill="none"
                  stroke={c.color}
                  strokeWidth={c.width ?? 2}
                  strokeDasharray={c.dash}
                  strokeOpacity={c.opacity}
                  strokeLinejoin="round"
                />
              ) : null,
            )}
            {markers.map((m) =>
              m.kind === 'line' ? (
                <g key={m.id} className="marker">
                  <line x1={px(m.x)} x2={px(m.x)} y1={margin.top} y2={bottom} stroke={m.color} strokeDasharray={m.dash} />
                  <text
                    x={px(m.x) - 4}
                    y={m.place === 'bottom' ? bottom - 20 : m.place === 'top2' ? margin.top + 30 : margin.top + 12}
                    textAnchor="end"
                    fontSize={m.place === 'bottom' ? 10 : 11}
                    fill={m.labelColor ?? m.color}
                  >
                    {m.label}
                  </text>
                </g>
              ) : null,
            )}
            {hover !== null && <line className="hover" x1={hoverX} x2={hoverX} y1={margin.top} y2={bottom} stroke={axisColor} />}
          </svg>
        )}
        {hover !== null && <Readout epoch={hover} curves={curves} left={hoverX} flip={hoverX > width / 2} xLabel={xLabel} />}
      </div>
    </div>
  );
});

/** The values of every curve at the epoch under the pointer (or the keyboard's epoch). */
function Readout(props: { epoch: number; curves: readonly Curve[]; left: number; flip: boolean; xLabel: string }) {
  const { epoch, curves, left, flip, xLabel } = props;
  const rows = curves.flatMap((c) => {
    const i = nearestIndex(c.points, epoch);
    const point = i >= 0 ? c.points[i] : undefined;
    return point ? [{ id: c.id, name: c.name, color: c.color, epoch: point[0], value: point[1] }] : [];
  });
  // Past a few hundred epochs the curves hold every k-th one: name the epoch the values are from.
  const shown = rows[0]?.epoch ?? epoch;
  return (
    <div className="chart-readout" aria-live="polite" style={flip ? { right: `calc(100% - ${left - 8}px)` } : { left: left + 8 }}>
      <div>
        {xLabel} {shown}
      </div>
      {rows.map((row) => (
        <div key={row.id}>
          <span className="swatch" style={{ background: row.color }} aria-hidden="true" />
          {row.name}: {Number.isFinite(row.value) ? row.value.toFixed(4) : String(row.value)}
        </div>
      ))}
    </div>
  );
}
