import { lazy, Suspense } from 'react';

/*
 * The network diagram loads as its own chunk when its section is first
 * opened, so the page's entry bundle does not carry the inside views.
 */
const LazyDiagram = lazy(() => import('./NetworkDiagram').then((m) => ({ default: m.NetworkDiagram })));

export function NetworkDiagram() {
  return (
    <Suspense fallback={<p className="hint" aria-busy="true">Loading the network diagram…</p>}>
      <LazyDiagram />
    </Suspense>
  );
}
