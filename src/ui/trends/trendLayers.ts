import { useEffect, useMemo } from 'react';
import { summarize } from '../../model/summary';
import { usePlayground } from '../../state';

/** Colours of the layers' curves (Okabe–Ito), first layer first. */
export const layerColours = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'] as const;

/** Most epochs a trends chart is drawn with; longer runs are thinned to every k-th epoch. */
export const MAX_TREND_POINTS = 300;

/** Every k-th index (and the last) of `count`, at most `max` of them. */
export function thinIndices(count: number, max = MAX_TREND_POINTS): number[] {
  const step = Math.max(1, Math.ceil(count / max));
  const indices: number[] = [];
  for (let i = 0; i < count; i += step) indices.push(i);
  if (count > 0 && indices[indices.length - 1] !== count - 1) indices.push(count - 1);
  return indices;
}

/**
 * While a trends view is on screen the worker measures the trends; the names
 * of the run's layers with a kernel, as the model summary names them
 * (dense, dense_1, conv2d, …), by spec index.
 */
export function useTrendLayers(): Map<number, string> {
  useEffect(() => usePlayground.getState().watchProbe('trends'), []);
  const setup = usePlayground((state) => state.run.setup);
  const inputShape = usePlayground((state) => state.run.data?.exportMeta.inputShape ?? null);
  return useMemo(() => {
    const names = new Map<number, string>();
    if (!setup || !inputShape) return names;
    summarize(inputShape, setup.layers).rows.forEach((row, i) => names.set(i, row.name));
    return names;
  }, [setup, inputShape]);
}
