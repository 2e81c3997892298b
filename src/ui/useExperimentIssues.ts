import { useMemo } from 'react';
import { usePlayground } from '../state';
import { experimentIssues } from '../state/problems';
import type { ModelIssue } from '../model/validate';

/** Every reason the current experiment cannot train, as sentences (empty while the data loads). */
export function useExperimentIssues(): string[] {
  const { model, config } = useIssueParts();
  return useMemo(() => [...model.map((issue) => issue.message), ...config], [model, config]);
}

/** The layer issues and config problems, recomputed only when their inputs change. */
export function useIssueParts(): { model: ModelIssue[]; config: string[] } {
  const dataset = usePlayground((state) => state.dataset);
  const layers = usePlayground((state) => state.layers);
  const config = usePlayground((state) => state.config);
  return useMemo(
    () => (dataset.status === 'ready' ? experimentIssues(dataset.table, layers, config) : { model: [], config: [] }),
    [dataset, layers, config],
  );
}
