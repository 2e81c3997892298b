import { memo, useMemo, useState, type PointerEvent } from 'react';
import { CartesianGrid, ReferenceLine, ResponsiveContainer, ScatterChart, XAxis, YAxis, usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { meanAbsoluteError } from '../../model/evaluation';
import { palette } from '../charts/palette';
import { linearAxis, tickLabel, type Axis } from '../charts/plot/scale';

interface Props {
  /** Every target value of the table: the axes cover them, so they are drawn before any run and rarely change. */
  targets: Float32Array;
  /** The validation rows' actual values and the model's predictions for them; null before the first epoch. */
  actual: Float32Array | null;
  predicted: Float32Array | null;
  targetName: string;
}

/** Radius of a point, in pixels. */
const DOT = 2.5;

/** A small circle at (cx, cy) as path commands: two arcs. */
const circle = (cx: number, cy: number): string =>
  `M${(cx - DOT).toFixed(1)} ${cy.toFixed(1)}a${DOT} ${DOT} 0 1 0 ${2 * DOT} 0a${DOT} ${DOT} 0 1 0 ${-2 * DOT} 0`;

/**
 * The validation points as SVG paths of small circles, placed with the
 * chart's own scales. A Recharts Scatter series makes a React element and a
 * round of layout work per point: redrawn a few times a second during a run,
 * that took 120-270 ms a time on a slow machine. A prediction beyond the
 * axes is drawn hollow at their edge.
 */
function Dots({ actual, predicted, domain }: { actual: Float32Array; predicted: Float32Array; domain: [number, number] }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  const [lo, hi] = domain;
  let inside = '';
  let beyond = '';
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const p = predicted[i]!;
    if (!Number.isFinite(a) || Number.isNaN(p)) continue;
    const cx = x(a);
    const cy = y(Math.min(hi, Math.max(lo, p)));
    if (cx === undefined || cy === undefined) continue;
    if (p >= lo && p <= hi) inside += circle(cx, cy);
    else beyond += circle(cx, cy);
  }
  return (
    <>
      <path className="scatter-dots" d={inside} fill={palette.validation} fillOpacity={0.75} />
      {beyond && <path className="scatter-beyond" d={beyond} fill="none" stroke={palette.validation} strokeWidth={1.2} />}
      <HoverPoint actual={actual} predicted={predicted} domain={domain} />
    </>
  );
}

/**
 * The point nearest the pointer, ringed, with its actual and predicted
 * values: only this small layer redraws as the pointer moves.
 */
function HoverPoint({ actual, predicted, domain }: { actual: Float32Array; predicted: Float32Array; domain: [number, number] }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const area = usePlotArea();
  const [nearest, setNearest] = useState<number | null>(null);
  if (!x || !y || !area) return null;
  const [lo, hi] = domain;
  const at = (i: number): [number, number] => [x(actual[i]!) ?? 0, y(Math.min(hi, Math.max(lo, predicted[i]!))) ?? 0];
  const onPointerMove = (event: PointerEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const px = area.x + event.clientX - box.left;
    const py = area.y + event.clientY - box.top;
    let best: number | null = null;
    let bestDistance = 12 * 12;
    for (let i = 0; i < actual.length; i++) {
      if (!Number.isFinite(actual[i]!) || Number.isNaN(predicted[i]!)) continue;
      const [cx, cy] = at(i);
      const distance = (cx - px) ** 2 + (cy - py) ** 2;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    setNearest(best);
  };
  const shown = nearest !== null && nearest < actual.length ? nearest : null;
  const [cx, cy] = shown !== null ? at(shown) : [0, 0];
  const left = cx < area.x + area.width / 2;
  return (
    <g className="scatter-hover">
      <rect
        x={area.x}
        y={area.y}
        width={area.width}
        height={area.height}
        fill="transparent"
        onPointerMove={onPointerMove}
        onPointerLeave={() => setNearest(null)}
      />
      {shown !== null && (
        <g pointerEvents="none">
          <circle cx={cx} cy={cy} r={DOT + 3} fill="none" stroke="#0f172a" strokeWidth={1.5} />
          <text x={left ? cx + 10 : cx - 10} y={Math.max(area.y + 12, cy - 8)} textAnchor={left ? 'start' : 'end'} fontSize={11} fill="#0f172a">
            actual {tickLabel(actual[shown]!)}, predicted {tickLabel(predicted[shown]!)}
          </text>
        </g>
      )}
    </g>
  );
}

/** Both axes cover the table's targets: fixed for the dataset, so Recharts lays the chart out once, not at every update. */
function axisFor(targets: Float32Array): Axis {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of targets) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return linearAxis(lo, hi);
}

const margin = { top: 4, right: 12, bottom: 16, left: 4 };
const tick = { fontSize: 11 };
const xLabel = { value: 'actual', position: 'insideBottom', offset: -8 } as const;
const yLabel = { value: 'predicted', angle: -90, position: 'insideLeft', offset: 8 } as const;

/** The axes, grid and diagonal: redrawn only when the range changes. */
const Frame = memo(function Frame({ axis }: { axis: Axis }) {
  const [lo, hi] = axis.domain;
  const segment = useMemo(
    (): [{ x: number; y: number }, { x: number; y: number }] => [
      { x: lo, y: lo },
      { x: hi, y: hi },
    ],
    [lo, hi],
  );
  return (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
      <XAxis type="number" dataKey="actual" domain={axis.domain} ticks={axis.ticks} interval={0} tick={tick} tickFormatter={tickLabel} label={xLabel} allowDataOverflow />
      <YAxis type="number" dataKey="predicted" domain={axis.domain} ticks={axis.ticks} interval={0} width={52} tick={tick} tickFormatter={tickLabel} label={yLabel} allowDataOverflow />
      <ReferenceLine segment={segment} stroke="#64748b" strokeDasharray="4 3" />
    </>
  );
});

/**
 * Regression: each validation row's prediction against its actual value, with
 * the line of perfect predictions. The frame is drawn before any run, so
 * Recharts does its first, slowest layout while the page is idle, and its
 * axes stay put while the points move.
 */
export const PredictedVsActual = memo(function PredictedVsActual({ targets, actual, predicted, targetName }: Props) {
  const axis = useMemo(() => axisFor(targets), [targets]);
  const mae = actual && predicted ? meanAbsoluteError(actual, predicted).toPrecision(4) : '—';
  const [lo, hi] = axis.domain;
  const beyond = predicted ? predicted.reduce((n, p) => (p < lo || p > hi ? n + 1 : n), 0) : 0;
  return (
    <figure className="chart" aria-label="Predicted against actual">
      <figcaption className="chart-head">
        Predicted vs actual {targetName} <span className="metric-value">Validation MAE: {mae}</span>
      </figcaption>
      {/* Recharts' accessibility layer makes the surface a nameless Tab stop (role=application) whose arrow keys
          move a tooltip this chart does not have. Off, and hidden with its empty focusable layers (tabindex -1),
          the plot is one named picture; the caption holds the MAE. */}
      <div
        role="img"
        aria-label={`Validation rows' predicted ${targetName} against the actual value; the dashed diagonal is a perfect prediction`}
      >
        <ResponsiveContainer width="100%" height={220}>
          <ScatterChart margin={margin} accessibilityLayer={false} aria-hidden="true">
            <Frame axis={axis} />
            {actual && predicted && <Dots actual={actual} predicted={predicted} domain={axis.domain} />}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      {beyond > 0 && (
        <p className="hint">
          {beyond} prediction{beyond === 1 ? ' is' : 's are'} beyond the range of {targetName}, drawn hollow at the edge.
        </p>
      )}
    </figure>
  );
});
