import { lazy, Suspense, type ReactNode } from 'react';

/*
 * The charts are the only users of Recharts, which with its dependencies is
 * about 110 KB gzip, more than the rest of the page's own code. They load as
 * a separate chunk, requested as soon as this module runs, so the controls
 * are on screen and usable before the charts' code has arrived.
 */
const loadHistoryCharts = () => import('./historyCharts');
const loadScatter = () => import('../predictions/PredictedVsActual');
const historyCharts = loadHistoryCharts();
void loadScatter();

const LazyLoss = lazy(() => historyCharts.then((m) => ({ default: m.LossChart })));
const LazyMetric = lazy(() => historyCharts.then((m) => ({ default: m.MetricChart })));
const LazyWarmup = lazy(() => historyCharts.then((m) => ({ default: m.ChartWarmup })));
const LazyScatter = lazy(() => loadScatter().then((m) => ({ default: m.PredictedVsActual })));

function Placeholder({ label, height }: { label: string; height: number }) {
  return (
    <figure className="chart" aria-label={label} aria-busy="true">
      <div className="chart-loading" style={{ height }}>
        Loading chart…
      </div>
    </figure>
  );
}

const withFallback = (fallback: ReactNode, node: ReactNode) => <Suspense fallback={fallback}>{node}</Suspense>;

export function LossChart() {
  return withFallback(<Placeholder label="Loss per epoch" height={280} />, <LazyLoss />);
}

export function MetricChart() {
  return (
    <>
      {withFallback(<Placeholder label="Metric per epoch" height={180} />, <LazyMetric />)}
      {withFallback(null, <LazyWarmup />)}
    </>
  );
}

export function PredictedVsActual(props: { actual: Float32Array; predicted: Float32Array; targetName: string }) {
  return withFallback(<Placeholder label="Predicted against actual" height={250} />, <LazyScatter {...props} />);
}
