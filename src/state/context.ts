import type { TrainingClient } from '../engine/client';

/** What the store's slices share: the worker client and a staleness counter. */
export interface StoreContext {
  client: TrainingClient;
  /**
   * Bumped whenever the experiment or run is replaced, so an async step can
   * tell that it has been overtaken.
   */
  generation: number;
}
