import { lazy, Suspense } from 'react';

/*
 * The feature maps and the drawing pad load as their own chunk when their
 * section is first opened, so the page's entry bundle does not carry them.
 */
const LazyFeatureMaps = lazy(() => import('./FeatureMapsView').then((m) => ({ default: m.FeatureMapsView })));

export function FeatureMapsView() {
  return (
    <Suspense fallback={<p className="hint" aria-busy="true">Loading the feature maps…</p>}>
      <LazyFeatureMaps />
    </Suspense>
  );
}
