import type { PlaygroundState } from './store';

/**
 * What the person changed since the current run started, in words, for the
 * "restart with changes" prompt. The learning rate is left out: it applies
 * to a run under way.
 */
export function changesSinceStart(state: Pick<PlaygroundState, 'run' | 'datasetId' | 'layers' | 'config'>): string[] {
  const setup = state.run.setup;
  if (!setup) return [];
  const changes: string[] = [];
  if (setup.datasetId !== state.datasetId) changes.push('dataset');
  if (JSON.stringify(setup.layers) !== JSON.stringify(state.layers)) changes.push('layers');
  const before = setup.config;
  const now = state.config;
  const fields: [keyof typeof now, string][] = [
    ['optimizer', 'optimizer'],
    ['loss', 'loss'],
    ['batchSize', 'batch size'],
    ['epochs', 'epochs'],
    ['validationSplit', 'validation split'],
    ['scaling', 'scaling'],
    ['seed', 'seed'],
  ];
  for (const [key, name] of fields) if (before[key] !== now[key]) changes.push(name);
  if ((before.testSplit ?? 0) !== (now.testSplit ?? 0)) changes.push('test split');
  if ((before.seriesSplit ?? 'chronological') !== (now.seriesSplit ?? 'chronological')) changes.push('series split');
  if (JSON.stringify(before.earlyStopping) !== JSON.stringify(now.earlyStopping)) changes.push('early stopping');
  return changes;
}
