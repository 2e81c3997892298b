import type { TrainingConfig } from '../model/trainingConfig';
import type { SplitChoice } from './series';

/** How a run's config splits a series: its split mode (chronological when absent) and its seed, which only a shuffled split uses. */
export const splitChoiceOf = (config: Pick<TrainingConfig, 'seriesSplit' | 'seed'>): SplitChoice => ({
  mode: config.seriesSplit ?? 'chronological',
  seed: config.seed,
});
