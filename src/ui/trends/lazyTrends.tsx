import { lazy, Suspense } from 'react';

/* The gradient and weight-distribution charts load as their own chunk when their section is first opened. */
const LazyTrends = lazy(() => import('./TrendsView').then((m) => ({ default: m.TrendsView })));

export function TrendsView() {
  return (
    <Suspense fallback={<p className="hint" aria-busy="true">Loading the charts…</p>}>
      <LazyTrends />
    </Suspense>
  );
}
