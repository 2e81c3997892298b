import { create, type StateCreator, type StoreApi, type UseBoundStore } from 'zustand';
import { persist, type StateStorage } from 'zustand/middleware';
import { loadDataset, type DatasetId, type FileSource } from '../data/datasets';
import type { Table } from '../data/table';
import type { TrainingClient } from '../engine/client';
import type { ParsedUpload } from '../engine/csvProtocol';
import type { BackendInfo, BackendPreference, ProbeKind, WorkerEvent } from '../engine/protocol';
import type { StoreContext } from './context';
import { createDataSlice, type DataSlice } from './dataSlice';
import { createExperimentSlice, type ExperimentSlice } from './experimentSlice';
import { createImportSlice, type ImportSlice } from './importSlice';
import { createRunsSlice, withFinishedRun, type RunsSlice } from './runsSlice';
import { createFrameBatcher } from './frameBatcher';
import { createRunSlice, type RunSlice } from './runSlice';
import { applyRunEvents, idleRun } from './runState';
import { experimentFields, persistOptions, type StorageTrouble } from './persistence';
import { hashWithoutExperiment, readExperimentHash } from './share';
import { createViewSlice, type ViewSlice } from './viewSlice';

/**
 * How often the worker's events reach the store (see createFrameBatcher): at
 * most every 50 ms (the status line's epoch count changes up to 20 times a
 * second), at least every 250 ms, and otherwise so that updating the store
 * and the renders it causes take at most a third of the main thread.
 */
export const STORE_UPDATES = { minIntervalMs: 50, maxIntervalMs: 250, maxShare: 1 / 3 } as const;

/** Worker events that stream while a run goes on; every other event (paused, ended, an error) reaches the store on the next frame. */
const STREAMING: ReadonlySet<WorkerEvent['type']> = new Set(['epoch', 'predictions', 'probe', 'weights']);

export type { DatasetChoice, DatasetState } from './dataSlice';

export interface PlaygroundState extends DataSlice, ExperimentSlice, RunSlice, ImportSlice, RunsSlice, ViewSlice {
  backend: BackendInfo | null;
  /** What the person asked for in the Backend box (or the address). */
  backendPreference: BackendPreference;
  setBackendPreference(preference: BackendPreference): void;
  /**
   * A view that shows the weights is on screen: epochs carry the weights
   * while at least one is. Returns the function to call when it goes.
   */
  watchWeights(): () => void;
  /** A view that shows a probe (see ProbeKind) is on screen; returns the function to call when it goes. */
  watchProbe(kind: ProbeKind): () => void;
  /**
   * The image (scaled as the run's rows are) the feature maps are measured
   * on, or null; returns its id, which `run.probe`'s feature maps of it carry.
   */
  setProbeInput(values: Float32Array | null): number;
  /** Messages about the page itself (a bad address, a failed backend). */
  notices: string[];
}

export interface StoreDeps {
  client: TrainingClient;
  /** Where shipped datasets are read from. */
  files: FileSource;
  /** Parses an uploaded CSV (off the main thread in the browser). */
  parseCsv: (file: Blob) => Promise<ParsedUpload>;
  notices?: string[];
  /** Where the experiment is kept across reloads (localStorage in the browser); none in tests. */
  storage?: StateStorage;
  /** The page address's hash, which may carry a shared experiment. */
  hash?: string;
  /** Puts a new hash in the address without a reload (history.replaceState in the browser). */
  replaceHash?: (hash: string) => void;
  /** The backend asked for at start (from ?backend=), 'auto' by default. */
  backendPreference?: BackendPreference;
}

export type PlaygroundStore = UseBoundStore<StoreApi<PlaygroundState>>;

/** Builds the store around a training client; tests pass a client with a fake worker. */
export function createPlaygroundStore({ client, files, parseCsv, notices = [], storage, hash = '', replaceHash, backendPreference = 'auto' }: StoreDeps): PlaygroundStore {
  const cache = new Map<DatasetId, Promise<Table>>();
  /** How many views on screen show the weights, and each probe. */
  let weightWatchers = 0;
  const probeWatchers = new Map<ProbeKind, number>();
  const watchedProbes = (): ProbeKind[] => [...probeWatchers].flatMap(([kind, count]) => (count > 0 ? [kind] : []));
  const ctx: StoreContext = {
    client,
    generation: 0,
    tableFor(id) {
      let table = cache.get(id);
      if (!table) {
        table = loadDataset(id, files);
        cache.set(id, table);
        // A failed load may succeed later (a flaky connection); do not keep it.
        table.catch(() => cache.delete(id));
      }
      return table;
    },
  };

  const creator: StateCreator<PlaygroundState> = (...args) => ({
    ...createDataSlice(ctx, parseCsv)(...args),
    ...createExperimentSlice()(...args),
    ...createRunSlice(ctx)(...args),
    ...createImportSlice(ctx)(...args),
    ...createRunsSlice()(...args),
    ...createViewSlice()(...args),
    backend: null,
    backendPreference,
    watchWeights() {
      if (++weightWatchers === 1) client.watchWeights(true);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        if (--weightWatchers === 0) client.watchWeights(false);
      };
    },
    watchProbe(kind) {
      probeWatchers.set(kind, (probeWatchers.get(kind) ?? 0) + 1);
      client.watchProbes(watchedProbes());
      let done = false;
      return () => {
        if (done) return;
        done = true;
        probeWatchers.set(kind, (probeWatchers.get(kind) ?? 1) - 1);
        client.watchProbes(watchedProbes());
      };
    },
    setProbeInput: (values) => client.probeInput(values),
    setBackendPreference(preference) {
      ctx.generation++;
      client.setBackend(preference);
      args[0]({ backendPreference: preference, backend: null, run: idleRun });
    },
    notices,
  });
  const trouble: StorageTrouble = { corrupt: false, badRuns: false, full: false, droppedRuns: 0 };
  const store = storage
    ? (create<PlaygroundState>()(persist(creator, persistOptions(storage, trouble))) as unknown as PlaygroundStore)
    : create<PlaygroundState>()(creator);
  if (trouble.corrupt) {
    store.setState((state) => ({ notices: [...state.notices, 'Your saved experiment could not be read, so the default one is shown.'] }));
  }
  if (trouble.badRuns) {
    store.setState((state) => ({ notices: [...state.notices, 'Some of your saved runs could not be read, so they are not listed.'] }));
  }
  let reportedFull = false;
  let dropped = 0;
  const takeDropped = (): void => {
    if (trouble.droppedRuns > dropped) {
      // What storage could not keep is taken off the list too, so what is shown is what a reload brings back.
      const count = trouble.droppedRuns - dropped;
      dropped = trouble.droppedRuns;
      store.setState((state) => ({
        runs: state.runs.slice(Math.min(count, state.runs.length)),
        notices: [...state.notices, `The browser’s storage is full, so the ${count} oldest finished run${count === 1 ? ' was' : 's were'} removed from the runs list to keep the rest.`],
      }));
    }
  };
  // After the write that dropped them, not inside it.
  trouble.onDropped = () => queueMicrotask(takeDropped);
  store.subscribe(() => {
    if (!trouble.full || reportedFull) return;
    reportedFull = true;
    store.setState((state) => ({ notices: [...state.notices, 'The browser’s storage is full, so changes are no longer saved for the next visit.'] }));
  });
  // A shared link wins over what was saved, once: applying it saves it, and
  // the address then stops carrying it, so that a reload keeps the edits made
  // since rather than opening the link again.
  const shared = readExperimentHash(hash);
  if (shared.kind === 'experiment') store.setState(experimentFields(shared.snapshot));
  if (shared.kind === 'invalid') store.setState((state) => ({ notices: [...state.notices, shared.message] }));
  if (shared.kind !== 'none') replaceHash?.(hashWithoutExperiment(hash));

  // Worker events reach the store at most once per animation frame and
  // twenty times a second, fewer when updates prove costly: each re-renders
  // the status and whatever views follow the run. A pause, an end or an
  // error is shown on the next frame.
  const batcher = createFrameBatcher<WorkerEvent>((events) => {
    const backendEvent = events.findLast((event) => event.type === 'backend');
    const orphanErrors = events.flatMap((event) => (event.type === 'error' && event.runId === null ? [event.message] : []));
    store.setState((state) => {
      const run = applyRunEvents(state.run, events);
      const finished = state.run.phase !== 'ended' && run.phase === 'ended';
      return {
        run,
        ...(finished ? withFinishedRun(state.runs, state.compared, run) : {}),
        ...(backendEvent ? { backend: backendEvent.info } : {}),
        ...(orphanErrors.length > 0 ? { notices: [...state.notices, ...orphanErrors] } : {}),
      };
    });
  }, { ...STORE_UPDATES, urgent: (event) => !STREAMING.has(event.type) });
  client.subscribe((event) => batcher.push(event));
  store.getState().reloadDataset();
  client.warmUp();
  return store;
}
