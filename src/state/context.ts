import type { DatasetId } from '../data/datasets';
import type { Table } from '../data/table';
import type { TrainingClient } from '../engine/client';

/** What the store's slices share: the worker client, the dataset cache, and a staleness counter. */
export interface StoreContext {
  client: TrainingClient;
  tableFor(id: DatasetId): Promise<Table>;
  /**
   * Bumped whenever the experiment or run is replaced, so an async step
   * (loading a table before a run) can tell that it has been overtaken.
   */
  generation: number;
}
