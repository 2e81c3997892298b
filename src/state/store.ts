import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { datasets, loadDataset, type DatasetId, type FetchText } from '../data/datasets';
import { prepareData } from '../data/prepare';
import type { Table } from '../data/table';
import type { TrainingClient } from '../engine/client';
import type { BackendInfo, WorkerEvent } from '../engine/protocol';
import type { LayerSpec } from '../model/layers';
import { checkTrainingConfig, type TrainingConfig } from '../model/trainingConfig';
import { validateModel } from '../model/validate';
import { DEFAULT_DATASET, defaultExperiments } from './defaults';
import { createFrameBatcher } from './frameBatcher';
import { applyRunEvents, idleRun, type RunState } from './runState';

export type DatasetState =
  | { status: 'loading' }
  | { status: 'ready'; table: Table }
  | { status: 'error'; message: string };

export interface PlaygroundState {
  datasetId: DatasetId;
  dataset: DatasetState;
  layers: LayerSpec[];
  config: TrainingConfig;
  run: RunState;
  backend: BackendInfo | null;
  /** Messages about the page itself (a bad address, a failed backend). */
  notices: string[];
  /** Why the last press of Train did not start a run. */
  problems: string[];

  selectDataset(id: DatasetId): void;
  /** Loads the selected dataset again (after a failed load). */
  reloadDataset(): void;
  /** Starts a run, or resumes a paused one. */
  train(): Promise<void>;
  pause(): void;
  stop(): void;
  /** Ends any run and clears its history; the experiment stays. */
  reset(): void;
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
  const tableFor = (id: DatasetId): Promise<Table> => {
    let table = tables.get(id);
    if (!table) {
      table = loadDataset(id, fetchText);
      tables.set(id, table);
      // A failed load may succeed later (a flaky connection); do not cache it.
      table.catch(() => tables.delete(id));
    }
    return table;
  };

  const store = create<PlaygroundState>()((set, get) => {
    /** Changes whenever the experiment is replaced, so a slow load or start knows it is stale. */
    let generation = 0;

    const loadSelected = (): void => {
      const id = get().datasetId;
      const mine = generation;
      set({ dataset: { status: 'loading' } });
      tableFor(id).then(
        (table) => mine === generation && set({ dataset: { status: 'ready', table } }),
        (error: unknown) =>
          mine === generation &&
          set({ dataset: { status: 'error', message: `Could not load ${datasets[id].label}: ${String(error)}` } }),
      );
    };

    const startRun = async (): Promise<void> => {
      const mine = ++generation;
      set({ run: { ...idleRun, phase: 'starting', epochs: get().config.epochs }, problems: [] });
      let table: Table;
      try {
        table = await tableFor(get().datasetId);
      } catch (error) {
        if (mine === generation) set({ run: idleRun, problems: [`The dataset could not be loaded: ${String(error)}`] });
        return;
      }
      if (mine !== generation) return;
      const { layers, config } = get();
      const prepared = prepareData(table, config.validationSplit, config.seed);
      const problems = [
        ...validateModel({ inputShape: prepared.inputShape, layers }, table.task, config.loss).map((issue) => issue.message),
        ...checkTrainingConfig(config, prepared.numTrain),
      ];
      if (problems.length > 0) {
        set({ run: idleRun, problems });
        return;
      }
      const runId = client.startRun({
        layers,
        task: table.task,
        config,
        data: {
          xTrain: prepared.xTrain,
          yTrain: prepared.yTrain,
          xVal: prepared.xVal,
          yVal: prepared.yVal,
          inputShape: prepared.inputShape,
          targetSize: prepared.targetSize,
        },
      });
      set((state) => ({ run: { ...state.run, runId } }));
    };

    return {
      datasetId: DEFAULT_DATASET,
      dataset: { status: 'loading' },
      ...defaultExperiments[DEFAULT_DATASET](),
      run: idleRun,
      backend: null,
      notices,
      problems: [],

      selectDataset(id) {
        if (id === get().datasetId) return;
        generation++;
        client.abandon();
        set({ datasetId: id, ...defaultExperiments[id](), run: idleRun, problems: [] });
        loadSelected();
      },

      reloadDataset: loadSelected,

      async train() {
        const { phase } = get().run;
        if (phase === 'paused') client.resume();
        else if (phase !== 'starting' && phase !== 'running') await startRun();
      },

      pause() {
        if (get().run.phase === 'running') client.pause();
      },

      stop() {
        const { phase } = get().run;
        if (phase === 'running' || phase === 'paused') client.stop();
        else if (phase === 'starting') {
          generation++;
          set({ run: idleRun });
        }
      },

      reset() {
        generation++;
        client.abandon();
        set({ run: idleRun, problems: [] });
      },
    };
  });

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
