import { memo, useMemo } from 'react';
import type { EpochRecord } from '../../engine/protocol';
import { palette, validationDash } from './palette';
import { CurveChart, type Curve, type Marker } from './plot/CurveChart';
import type { Point } from './plot/path';

interface HistoryChartProps {
  /** What the chart shows ("Loss per epoch"). */
  title: string;
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
  /** Curves drawn under the run's own (compared past runs). */
  extraCurves?: readonly Curve[];
  markers?: readonly Marker[];
}

/** Most points a curve is drawn with: more than a chart's width can show. */
const MAX_CHART_POINTS = 400;

/** Every k-th record and the last one, when there are more than `max`. */
function thinHistory(history: readonly EpochRecord[], max = MAX_CHART_POINTS): EpochRecord[] {
  if (history.length <= max) return history as EpochRecord[];
  const step = Math.ceil(history.length / max);
  return history.filter((_, i) => i % step === 0 || i === history.length - 1);
}

const noCurves: readonly Curve[] = [];

/** Training and validation curves of one quantity per epoch, redrawn as epochs arrive. */
export const HistoryChart = memo(function HistoryChart(props: HistoryChartProps) {
  const { title, history, epochs, trainKey, valKey, trainName, valName, yLabel, height, logScale, extraCurves = noCurves, markers } = props;
  const curves = useMemo(() => {
    const shown = thinHistory(history);
    const points = (key: 'loss' | 'metric' | 'valLoss' | 'valMetric'): Point[] => shown.map((r) => [r.epoch, r[key]]);
    const own: Curve[] = [
      { id: trainKey, name: trainName, points: points(trainKey), color: palette.train },
      { id: valKey, name: valName, points: points(valKey), color: palette.validation, dash: validationDash },
    ];
    return [...own, ...extraCurves];
  }, [history, trainKey, valKey, trainName, valName, extraCurves]);
  return (
    <CurveChart
      title={title}
      curves={curves}
      markers={markers}
      lastEpoch={Math.max(2, epochs, history.length)}
      yLabel={yLabel}
      height={height}
      logScale={logScale}
    />
  );
});
