import { lazy, Suspense } from 'react';
import type { Table } from '../../data/table';

/* The Forecast figure loads as its own chunk, only for time series, so the entry bundle does not carry it. */
const LazyForecast = lazy(() => import('./ForecastView').then((m) => ({ default: m.ForecastView })));

export function ForecastView({ table }: { table: Table }) {
  return (
    <Suspense fallback={<p className="hint" aria-busy="true">Loading the forecast…</p>}>
      <LazyForecast table={table} />
    </Suspense>
  );
}
