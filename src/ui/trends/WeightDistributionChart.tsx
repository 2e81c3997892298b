import { memo, useMemo, useRef } from 'react';
import { QUANTILES } from '../../engine/protocol';
import { usePlayground } from '../../state';
import { runEpochs } from '../../state/runState';
import type { TrendLog } from '../../state/trendLog';
import { epochTicks, linearAxis, scaleOf, tickLabel } from '../charts/plot/scale';
import { useWidth } from '../charts/plot/useWidth';
import { layerColours, thinIndices } from './trendLayers';

const PANEL = 74;
const margin = { left: 56, right: 12, top: 6, bottom: 4 };
/** Pairs of quantile indices drawn as bands, outermost first: min–max, 10–90 %, 25–75 %. */
const bands: [number, number, number][] = [
  [0, 6, 0.14],
  [1, 5, 0.24],
  [2, 4, 0.4],
];

/**
 * How each layer's weights spread over the epochs, as TensorBoard's
 * distributions show it: one strip per layer with its median, the middle
 * half, the middle 80 % and the full range shaded round it.
 */
export function WeightDistributionChart({ names }: { names: Map<number, string> }) {
  const trends = usePlayground((state) => state.run.trends);
  const epochs = usePlayground((state) => runEpochs(state.run) || state.config.epochs);
  return (
    <figure className="chart" aria-label="Weight distribution">
      <div className="chart-head">
        <figcaption>Weight distribution</figcaption>
      </div>
      {trends.rows.length === 0 ? (
        <p className="hint">Train to see how each layer’s weights spread, epoch by epoch.</p>
      ) : (
        <>
          <Strips trends={trends} epochs={Math.max(2, epochs)} names={names} />
          <SpreadList trends={trends} names={names} />
        </>
      )}
      <p className="hint">Per layer: the median kernel weight (line), the middle 50 % and 80 % of the weights and their full range (shaded).</p>
    </figure>
  );
}

const Strips = memo(function Strips({ trends, epochs, names }: { trends: TrendLog; epochs: number; names: Map<number, string> }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const q = QUANTILES.length;
  const shown = useMemo(() => thinIndices(trends.rows.length).map((i) => trends.rows[i]!), [trends]);
  const right = Math.max(margin.left + 10, width - margin.right);
  const px = scaleOf({ domain: [1, epochs], ticks: [], log: false }, margin.left, right);
  const height = trends.layers.length * PANEL + 18;
  return (
    <div ref={box} className="weight-strips">
      {width > 0 && (
        <svg width={width} height={height} aria-hidden="true">
          {trends.layers.map((layer, k) => {
            const top = k * PANEL;
            let lo = Number.POSITIVE_INFINITY;
            let hi = Number.NEGATIVE_INFINITY;
            for (const row of shown) {
              lo = Math.min(lo, row.weightQuantiles[k * q]!);
              hi = Math.max(hi, row.weightQuantiles[k * q + q - 1]!);
            }
            const axis = linearAxis(lo, hi, 2);
            const py = scaleOf(axis, top + PANEL - margin.bottom - 8, top + margin.top);
            const at = (row: (typeof shown)[number], i: number) => `${px(row.epoch).toFixed(1)} ${py(row.weightQuantiles[k * q + i]!).toFixed(1)}`;
            const band = (a: number, b: number) =>
              `M${shown.map((row) => at(row, b)).join('L')}L${[...shown].reverse().map((row) => at(row, a)).join('L')}Z`;
            const colour = layerColours[k % layerColours.length]!;
            return (
              <g key={layer} className="weight-strip" data-layer={layer}>
                <text x={4} y={top + 14} fontSize={11} fill="#475569">
                  {names.get(layer) ?? `layer ${layer + 1}`}
                </text>
                {axis.ticks.map((t) => (
                  <text key={t} x={margin.left - 6} y={py(t)} fontSize={10} fill="#64748b" textAnchor="end" dominantBaseline="middle">
                    {tickLabel(t)}
                  </text>
                ))}
                {bands.map(([a, b, opacity]) => (
                  <path key={`${a}-${b}`} className="band" d={band(a, b)} fill={colour} fillOpacity={opacity} stroke="none" />
                ))}
                <path className="median" d={`M${shown.map((row) => at(row, 3)).join('L')}`} fill="none" stroke={colour} strokeWidth={1.5} />
              </g>
            );
          })}
          <g fontSize={10} fill="#64748b" textAnchor="middle">
            {epochTicks(epochs).map((t) => (
              <text key={t} x={px(t)} y={height - 4}>
                {t}
              </text>
            ))}
          </g>
        </svg>
      )}
    </div>
  );
});

/** The drawing in words, for screen readers (the strips are hidden from them): each layer's middle 80 % at the last epoch measured. */
function SpreadList({ trends, names }: { trends: TrendLog; names: Map<number, string> }) {
  const last = trends.rows.at(-1);
  if (!last) return null;
  const q = QUANTILES.length;
  const value = (x: number) => Number(x.toPrecision(3)).toString();
  return (
    <ul className="sr-only" aria-label={`Weight spread at epoch ${last.epoch}`}>
      {trends.layers.map((layer, k) => (
        <li key={layer}>
          {names.get(layer) ?? `layer ${layer + 1}`}: middle 80 % from {value(last.weightQuantiles[k * q + 1]!)} to {value(last.weightQuantiles[k * q + 5]!)}
        </li>
      ))}
    </ul>
  );
}
