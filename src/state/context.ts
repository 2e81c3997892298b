import type { DatasetId } from '../data/datasets';
import type { Table } from '../data/table';
import type { TrainingClient } from '../engine/client';

/** What the store's slices share: the worker client, the shipped tables, a staleness counter. */
export interface StoreContext {
  client: TrainingClient;
  /** A shipped dataset with its default options, loaded once. */
  tableFor(id: DatasetId): Promise<Table>;
  /**
   * Bumped whenever the experiment or run is replaced, so an async step can
   * tell that it has been overtaken.
   */
  generation: number;
}
