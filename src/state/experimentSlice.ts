import type { StateCreator } from 'zustand';
import type { ActivationName } from '../model/activations';
import type { EarlyStoppingConfig } from '../model/earlyStopping';
import type { KernelRegularizer, LayerKind, LayerSpec, Padding } from '../model/layers';
import { regularizationOf, setRegularization, type RegularizationChoice } from '../model/regularizers';
import { inputShapeOf } from '../data/table';
import { readKerasCode } from '../model/kerasCode';
import { settingsFromKeras, type KerasApplied } from '../model/kerasSettings';
import { newLayerId, setDropoutRates, setToggle } from '../model/toggles';
import type { SerializedModel } from '../model/file/modelFile';
import type { TrainingConfig } from '../model/trainingConfig';
import { DEFAULT_DATASET, defaultExperiment } from './defaults';
import type { PlaygroundState } from './store';

/** Fields a layer's editor can change; each applies only to the kinds that have it. */
export interface LayerPatch {
  units?: number;
  activation?: ActivationName;
  rate?: number;
  filters?: number;
  kernelSize?: number;
  strides?: number;
  padding?: Padding;
  poolSize?: number;
  /** Recurrent layers: output every step (true) or only the last (false). */
  returnSequences?: boolean;
  /** Recurrent layers: the fractions of the inputs and of the carried state dropped while training. */
  dropout?: number;
  recurrentDropout?: number;
  /** Dense and Conv2D: the kernel's weight penalty; null removes it. */
  kernelRegularizer?: KernelRegularizer | null;
}

/** Config fields that need a new run to take effect (the learning rate does not). */
export type RestartingConfig = Omit<TrainingConfig, 'learningRate' | 'earlyStopping'>;

/** A model the person imported, whose weights the next run starts from until the layers change. */
export interface ImportedState {
  fileName: string;
  model: SerializedModel;
}

export interface ExperimentSlice {
  imported: ImportedState | null;
  layers: LayerSpec[];
  config: TrainingConfig;
  /** Rate given to Dropout layers the "Dropout" switch adds. */
  dropoutRate: number;

  /** Adds a layer of a kind just before the output layer. */
  addLayer(kind: LayerKind): void;
  removeLayer(id: string): void;
  /** Moves a layer to a new position in the stack. */
  moveLayer(id: string, toIndex: number): void;
  updateLayer(id: string, patch: LayerPatch): void;
  /** The global "Dropout" / "Batch normalization" switches. */
  setToggle(kind: 'dropout' | 'batchNormalization', on: boolean): void;
  setDropoutRate(rate: number): void;
  /** Rate the "Regularization" select gives every hidden layer's penalty. */
  regularizationRate: number;
  /** The global "Regularization" select (None, L1, L2): that penalty, at regularizationRate, on every hidden layer. */
  setRegularization(choice: RegularizationChoice): void;
  /** The "Regularization rate" slider: the rate, applied to every hidden layer when the select is L1 or L2. */
  setRegularizationRate(rate: number): void;
  setConfig(patch: Partial<RestartingConfig>): void;
  /**
   * Reads Keras code into the layer stack and config; returns what could not
   * be read (with line numbers), notes, and what was set from Keras's
   * defaults. Nothing changes when no layer was read.
   */
  applyKerasCode(code: string): KerasApplied;
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
    case 'flatten':
      return { id, kind };
    case 'activation':
      return { id, kind, activation: 'relu' };
    case 'conv2d':
      return { id, kind, filters: 16, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' };
    case 'maxPooling2d':
      return { id, kind, poolSize: 2 };
    // Keras's defaults: tanh, only the last step.
    case 'simpleRnn':
    case 'lstm':
    case 'gru':
      return { id, kind, units: 32, activation: 'tanh', returnSequences: false };
    case 'globalAveragePooling1D':
      return { id, kind };
  }
};

/** A Dense or Conv2D layer with the patch's penalty, when the patch names one (null removes it). */
const withPenalty = <L extends { kernelRegularizer?: KernelRegularizer }>(layer: L, patch: LayerPatch): L => {
  if (patch.kernelRegularizer === undefined) return layer;
  const { kernelRegularizer: _old, ...rest } = layer;
  return (patch.kernelRegularizer === null ? rest : { ...rest, kernelRegularizer: patch.kernelRegularizer }) as L;
};

const patchLayer = (layer: LayerSpec, patch: LayerPatch): LayerSpec => {
  switch (layer.kind) {
    case 'dense':
      return withPenalty({ ...layer, units: patch.units ?? layer.units, activation: patch.activation ?? layer.activation }, patch);
    case 'dropout':
      return { ...layer, rate: patch.rate ?? layer.rate };
    case 'activation':
      return { ...layer, activation: patch.activation ?? layer.activation };
    case 'conv2d':
      return withPenalty(
        {
          ...layer,
          filters: patch.filters ?? layer.filters,
          kernelSize: patch.kernelSize ?? layer.kernelSize,
          strides: patch.strides ?? layer.strides,
          padding: patch.padding ?? layer.padding,
          activation: patch.activation ?? layer.activation,
        },
        patch,
      );
    case 'maxPooling2d':
      return { ...layer, poolSize: patch.poolSize ?? layer.poolSize };
    case 'simpleRnn':
    case 'lstm':
    case 'gru':
      return {
        ...layer,
        units: patch.units ?? layer.units,
        activation: patch.activation ?? layer.activation,
        returnSequences: patch.returnSequences ?? layer.returnSequences,
        dropout: patch.dropout ?? layer.dropout,
        recurrentDropout: patch.recurrentDropout ?? layer.recurrentDropout,
      };
    case 'batchNormalization':
    case 'flatten':
    case 'globalAveragePooling1D':
      return layer;
  }
};

export const createExperimentSlice = (): StateCreator<PlaygroundState, [], [], ExperimentSlice> => (set, get) => {
  // A changed stack no longer fits the imported weights: the next run starts fresh.
  const editLayers = (edit: (layers: LayerSpec[]) => LayerSpec[]): void => set({ layers: edit(get().layers), imported: null });

  return {
    ...defaultExperiment(DEFAULT_DATASET),
    imported: null,
    dropoutRate: 0.3,
    regularizationRate: 0.01,

    addLayer(kind) {
      editLayers((layers) => {
        // Image layers go before the Flatten, recurrent ones before the Flatten or the pooling
        // (where they still get a sequence), or else before the output; others just before the output.
        const flatten = layers.findIndex((layer) => layer.kind === 'flatten');
        const pooling = layers.findIndex((layer) => layer.kind === 'flatten' || layer.kind === 'globalAveragePooling1D');
        const imageKind = kind === 'conv2d' || kind === 'maxPooling2d';
        const sequenceKind = kind === 'simpleRnn' || kind === 'lstm' || kind === 'gru';
        const at = imageKind && flatten >= 0 ? flatten : sequenceKind && pooling >= 0 ? pooling : Math.max(0, layers.length - 1);
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

    setRegularization(choice) {
      // The rate on the layers (a lesson's, say) is the slider's from now on, so None → L2 gives it back.
      const { rate } = regularizationOf(get().layers);
      if (rate !== null) set({ regularizationRate: rate });
      editLayers((layers) => setRegularization(layers, choice, get().regularizationRate));
    },

    setRegularizationRate(rate) {
      set({ regularizationRate: rate });
      const { choice } = regularizationOf(get().layers);
      if (choice === 'l1' || choice === 'l2') editLayers((layers) => setRegularization(layers, choice, rate));
    },

    setConfig(patch) {
      set({ config: { ...get().config, ...patch } });
    },

    applyKerasCode(code) {
      const reading = readKerasCode(code);
      if (reading.layers.length === 0) return { applied: false, problems: reading.problems.map((p) => `Line ${p.line}: ${p.message}`), notes: [], defaults: [] };
      const dataset = get().dataset;
      const own = dataset.status === 'ready' ? { task: dataset.table.task, inputShape: inputShapeOf(dataset.table) } : null;
      const { config, ...told } = settingsFromKeras(get().config, reading, own);
      editLayers(() => reading.layers.map((layer) => ({ ...layer, id: newLayerId() }) as LayerSpec));
      set({ config });
      return { applied: true, ...told };
    },

    setEarlyStopping(patch) {
      const config = get().config;
      set({ config: { ...config, earlyStopping: { ...config.earlyStopping, ...patch } } });
    },
  };
};
