import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { loadDataset, type DatasetId, type FetchText } from '../data/datasets';
import type { Table } from '../data/table';
import type { TrainingClient } from '../engine/client';
import type { BackendInfo, WorkerEvent } from '../engine/protocol';
import type { StoreContext } from './context';
import { createExperimentSlice, type ExperimentSlice } from './experimentSlice';
import { createFrameBatcher } from './frameBatcher';
import { createRunSlice, type RunSlice } from './runSlice';
import { applyRunEvents } from './runState';

export type { DatasetState } from './experimentSlice';

export interface PlaygroundState extends ExperimentSlice, RunSlice {
  backend: BackendInfo | null;
  /** Messages about the page itself (a bad address, a failed backend). */
  notices: string[];
}

export interface StoreDeps {
  client: TrainingClient;
  fetchText: FetchText;
  notices?: string[];
}

export type PlaygroundStore = UseBoundStore<StoreApi<PlaygroundState>>;

/** Builds the store around a training client; tests pass a client with a fake worker. */
export function createPlaygroundStore({ client, fetchText, notices = [] }: StoreDeps): PlaygroundStore {
  const tables = new Map<DatasetId, Promise<Table>>();
  const ctx: StoreContext = {
    client,
    generation: 0,
    tableFor(id) {
      let table = tables.get(id);
      if (!table) {
        table = loadDataset(id, fetchText);
        tables.set(id, table);
        // A failed load may succeed later (a flaky connection); do not cache it.
        table.catch(() => tables.delete(id));
      }
      return table;
    },
  };

  const store = create<PlaygroundState>()((...args) => ({
    ...createExperimentSlice(ctx)(...args),
    ...createRunSlice(ctx)(...args),
    backend: null,
    notices,
  }));

  // Worker events reach the store at most once per animation frame.
  const batcher = createFrameBatcher<WorkerEvent>((events) => {
    const backendEvent = events.findLast((event) => event.type === 'backend');
    const orphanErrors = events.flatMap((event) => (event.type === 'error' && event.runId === null ? [event.message] : []));
    store.setState((state) => ({
      run: applyRunEvents(state.run, events),
      ...(backendEvent ? { backend: backendEvent.info } : {}),
      ...(orphanErrors.length > 0 ? { notices: [...state.notices, ...orphanErrors] } : {}),
    }));
  });
  client.subscribe((event) => batcher.push(event));
  store.getState().reloadDataset();
  client.warmUp();
  return store;
}
