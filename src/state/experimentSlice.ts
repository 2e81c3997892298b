import type { StateCreator } from 'zustand';
import { datasets, type DatasetId } from '../data/datasets';
import type { Table } from '../data/table';
import type { ActivationName } from '../model/activations';
import type { EarlyStoppingConfig } from '../model/earlyStopping';
import type { LayerKind, LayerSpec } from '../model/layers';
import { newLayerId, setDropoutRates, setToggle } from '../model/toggles';
import type { TrainingConfig } from '../model/trainingConfig';
import type { StoreContext } from './context';
import { DEFAULT_DATASET, defaultExperiments } from './defaults';
import type { PlaygroundState } from './store';
import { idleRun } from './runState';

export type DatasetState =
  | { status: 'loading' }
  | { status: 'ready'; table: Table }
  | { status: 'error'; message: string };

/** Fields a layer's editor can change; each applies only to the kinds that have it. */
export interface LayerPatch {
  units?: number;
  activation?: ActivationName;
  rate?: number;
}

/** Config fields that need a new run to take effect (the learning rate does not). */
export type RestartingConfig = Omit<TrainingConfig, 'learningRate' | 'earlyStopping'>;

export interface ExperimentSlice {
  datasetId: DatasetId;
  dataset: DatasetState;
  layers: LayerSpec[];
  config: TrainingConfig;
  /** Rate given to Dropout layers the "Dropout" switch adds. */
  dropoutRate: number;

  selectDataset(id: DatasetId): void;
  /** Loads the selected dataset again (after a failed load). */
  reloadDataset(): void;
  /** Adds a layer of a kind just before the output layer. */
  addLayer(kind: LayerKind): void;
  removeLayer(id: string): void;
  /** Moves a layer to a new position in the stack. */
  moveLayer(id: string, toIndex: number): void;
  updateLayer(id: string, patch: LayerPatch): void;
  /** The global "Dropout" / "Batch normalization" switches. */
  setToggle(kind: 'dropout' | 'batchNormalization', on: boolean): void;
  setDropoutRate(rate: number): void;
  setConfig(patch: Partial<RestartingConfig>): void;
  setEarlyStopping(patch: Partial<EarlyStoppingConfig>): void;
}

const newLayer = (kind: LayerKind, dropoutRate: number): LayerSpec => {
  const id = newLayerId();
  switch (kind) {
    case 'dense':
      return { id, kind, units: 16, activation: 'relu' };
    case 'dropout':
      return { id, kind, rate: dropoutRate };
    case 'batchNormalization':
      return { id, kind };
    case 'activation':
      return { id, kind, activation: 'relu' };
  }
};

const patchLayer = (layer: LayerSpec, patch: LayerPatch): LayerSpec => {
  switch (layer.kind) {
    case 'dense':
      return { ...layer, units: patch.units ?? layer.units, activation: patch.activation ?? layer.activation };
    case 'dropout':
      return { ...layer, rate: patch.rate ?? layer.rate };
    case 'activation':
      return { ...layer, activation: patch.activation ?? layer.activation };
    case 'batchNormalization':
      return layer;
  }
};

export const createExperimentSlice =
  (ctx: StoreContext): StateCreator<PlaygroundState, [], [], ExperimentSlice> =>
  (set, get) => {
    const loadSelected = (): void => {
      const id = get().datasetId;
      set({ dataset: { status: 'loading' } });
      ctx.tableFor(id).then(
        (table) => get().datasetId === id && set({ dataset: { status: 'ready', table } }),
        (error: unknown) =>
          get().datasetId === id &&
          set({ dataset: { status: 'error', message: `Could not load ${datasets[id].label}: ${String(error)}` } }),
      );
    };
    const editLayers = (edit: (layers: LayerSpec[]) => LayerSpec[]): void => set({ layers: edit(get().layers) });

    return {
      datasetId: DEFAULT_DATASET,
      dataset: { status: 'loading' },
      ...defaultExperiments[DEFAULT_DATASET](),
      dropoutRate: 0.3,

      selectDataset(id) {
        if (id === get().datasetId) return;
        ctx.generation++;
        ctx.client.abandon();
        set({ datasetId: id, ...defaultExperiments[id](), run: idleRun, problems: [] });
        loadSelected();
      },

      reloadDataset: loadSelected,

      addLayer(kind) {
        editLayers((layers) => {
          const at = Math.max(0, layers.length - 1);
          return [...layers.slice(0, at), newLayer(kind, get().dropoutRate), ...layers.slice(at)];
        });
      },

      removeLayer(id) {
        editLayers((layers) => layers.filter((layer) => layer.id !== id));
      },

      moveLayer(id, toIndex) {
        editLayers((layers) => {
          const from = layers.findIndex((layer) => layer.id === id);
          if (from < 0) return layers;
          const to = Math.max(0, Math.min(layers.length - 1, toIndex));
          if (to === from) return layers;
          const rest = layers.filter((layer) => layer.id !== id);
          return [...rest.slice(0, to), layers[from]!, ...rest.slice(to)];
        });
      },

      updateLayer(id, patch) {
        editLayers((layers) => layers.map((layer) => (layer.id === id ? patchLayer(layer, patch) : layer)));
      },

      setToggle(kind, on) {
        editLayers((layers) => setToggle(layers, kind, on, get().dropoutRate));
      },

      setDropoutRate(rate) {
        set({ dropoutRate: rate });
        editLayers((layers) => setDropoutRates(layers, rate));
      },

      setConfig(patch) {
        set({ config: { ...get().config, ...patch } });
      },

      setEarlyStopping(patch) {
        const config = get().config;
        set({ config: { ...config, earlyStopping: { ...config.earlyStopping, ...patch } } });
      },
    };
  };
