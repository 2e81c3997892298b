import { lazy, Suspense } from 'react';

/*
 * The predicted-against-actual scatter plot is the only user of Recharts,
 * which with its dependencies is about 110 KB gzip, more than the rest of the
 * page's own code. It loads as a separate chunk, requested as soon as this
 * module runs, so the controls are on screen and usable before it arrives.
 */
const loadScatter = () => import('../predictions/PredictedVsActual');
void loadScatter();

const LazyScatter = lazy(() => loadScatter().then((m) => ({ default: m.PredictedVsActual })));

export function PredictedVsActual(props: { targets: Float32Array; actual: Float32Array | null; predicted: Float32Array | null; targetName: string }) {
  return (
    <Suspense
      fallback={
        <figure className="chart" aria-label="Predicted against actual" aria-busy="true">
          <div className="chart-loading" style={{ height: 250 }}>
            Loading chart…
          </div>
        </figure>
      }
    >
      <LazyScatter {...props} />
    </Suspense>
  );
}
