import type { DatasetId } from '../data/datasets';
import type { ActivationName } from '../model/activations';
import { defaultEarlyStopping } from '../model/earlyStopping';
import type { LayerSpec } from '../model/layers';
import type { TrainingConfig } from '../model/trainingConfig';

/** A layer stack and training config to start from. */
export interface Experiment {
  layers: LayerSpec[];
  config: TrainingConfig;
}

const dense = (units: number, activation: ActivationName): Omit<LayerSpec & { kind: 'dense' }, 'id'> => ({
  kind: 'dense',
  units,
  activation,
});
const conv = (filters: number, padding: 'same' | 'valid') =>
  ({ kind: 'conv2d', filters, kernelSize: 3, strides: 1, padding, activation: 'relu' }) as const;
const pool = { kind: 'maxPooling2d', poolSize: 2 } as const;
const flatten = { kind: 'flatten' } as const;
/** Keras's LSTM defaults: tanh, only the last step out. */
const lstm = (units: number) => ({ kind: 'lstm', units, activation: 'tanh', returnSequences: false }) as const;
/**
 * A 20-step window → LSTM(32) → Dense(1), trained on MAE: the forecaster the
 * course's recurrent lesson starts from. Time series are short, so fewer epochs.
 */
const forecaster = (): { layers: Omit<LayerSpec, 'id'>[]; config: Partial<TrainingConfig> } => ({
  layers: [lstm(32), dense(1, 'linear')],
  config: { loss: 'mae', epochs: 50 },
});

const base: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.01,
  batchSize: 32,
  epochs: 100,
  loss: 'mae',
  validationSplit: 0.2,
  scaling: 'standard',
  seed: 42,
  earlyStopping: defaultEarlyStopping,
};

const binary2d: Partial<TrainingConfig> = { learningRate: 0.03, batchSize: 16, loss: 'binaryCrossentropy', validationSplit: 0.3 };

type LayerDraft = Omit<LayerSpec, 'id'>;

/** Each dataset's starting point, without layer ids. */
const drafts: Record<DatasetId, { layers: LayerDraft[]; config: Partial<TrainingConfig> }> = {
  // The course's concrete network, narrower so it trains quickly in a tab.
  concrete: { layers: [dense(64, 'relu'), dense(64, 'relu'), dense(1, 'linear')], config: {} },
  autoMpg: { layers: [dense(64, 'relu'), dense(64, 'relu'), dense(1, 'linear')], config: {} },
  diabetes: { layers: [dense(32, 'relu'), dense(32, 'relu'), dense(1, 'linear')], config: { learningRate: 0.01 } },
  ionosphere: {
    layers: [dense(16, 'relu'), dense(16, 'relu'), dense(1, 'sigmoid')],
    config: { loss: 'binaryCrossentropy', learningRate: 0.003 },
  },
  breastCancer: {
    layers: [dense(16, 'relu'), dense(16, 'relu'), dense(1, 'sigmoid')],
    config: { loss: 'binaryCrossentropy', learningRate: 0.003 },
  },
  wine: {
    layers: [dense(16, 'relu'), dense(16, 'relu'), dense(3, 'softmax')],
    config: { loss: 'categoricalCrossentropy', batchSize: 16, learningRate: 0.003 },
  },
  digits: {
    layers: [conv(16, 'same'), pool, conv(32, 'same'), pool, flatten, dense(64, 'relu'), dense(10, 'softmax')],
    config: { loss: 'categoricalCrossentropy', learningRate: 0.003, epochs: 20, scaling: 'none' },
  },
  fashion: {
    layers: [conv(8, 'valid'), pool, conv(16, 'valid'), pool, flatten, dense(64, 'relu'), dense(10, 'softmax')],
    config: { loss: 'categoricalCrossentropy', learningRate: 0.003, batchSize: 64, epochs: 20, scaling: 'none' },
  },
  sunspots: forecaster(),
  co2: forecaster(),
  elnino: forecaster(),
  sine: forecaster(),
  sinesTrend: forecaster(),
  squareWave: forecaster(),
  circle: { layers: [dense(8, 'tanh'), dense(8, 'tanh'), dense(1, 'sigmoid')], config: binary2d },
  xor: { layers: [dense(8, 'tanh'), dense(1, 'sigmoid')], config: binary2d },
  // Linearly separable: the single neuron of the course's first lesson.
  gauss: { layers: [dense(1, 'sigmoid')], config: binary2d },
  spiral: {
    layers: [dense(16, 'relu'), dense(16, 'relu'), dense(16, 'relu'), dense(1, 'sigmoid')],
    config: { ...binary2d, learningRate: 0.01, epochs: 300 },
  },
  moons: { layers: [dense(8, 'relu'), dense(8, 'relu'), dense(1, 'sigmoid')], config: binary2d },
  plane: { layers: [dense(1, 'linear')], config: { learningRate: 0.03, loss: 'mse', validationSplit: 0.3 } },
  multiGauss: {
    layers: [dense(16, 'tanh'), dense(16, 'tanh'), dense(1, 'linear')],
    config: { learningRate: 0.01, loss: 'mse', validationSplit: 0.3, batchSize: 16 },
  },
  // The person's own images: the digits' CNN, with the output resized to the classes when images arrive (ownImagesData.ts).
  images: {
    layers: [conv(16, 'same'), pool, conv(32, 'same'), pool, flatten, dense(64, 'relu'), dense(2, 'softmax')],
    config: { loss: 'categoricalCrossentropy', learningRate: 0.003, batchSize: 16, epochs: 20, scaling: 'none' },
  },
  // A few dozen drawn points: small batches, so an epoch is more than one step.
  drawn: { layers: [dense(8, 'tanh'), dense(8, 'tanh'), dense(1, 'sigmoid')], config: { ...binary2d, batchSize: 8 } },
};

/** The drawn set's start when it poses values to predict rather than classes. */
const drawnRegression: { layers: LayerDraft[]; config: Partial<TrainingConfig> } = {
  layers: [dense(16, 'tanh'), dense(16, 'tanh'), dense(1, 'linear')],
  config: { learningRate: 0.01, loss: 'mse', validationSplit: 0.3, batchSize: 8 },
};

/**
 * Each dataset opens with a model that learns it well within a minute, so
 * the first press of Train shows a falling curve.
 */
export function defaultExperiment(id: DatasetId, drawnTask: 'binary' | 'regression' = 'binary'): Experiment {
  const draft = id === 'drawn' && drawnTask === 'regression' ? drawnRegression : drafts[id];
  return {
    layers: draft.layers.map((layer, i) => ({ ...layer, id: `${id}-${i + 1}` }) as LayerSpec),
    config: { ...base, ...draft.config },
  };
}

/** The dataset the page opens with: a real one, as the course starts with real tables. */
export const DEFAULT_DATASET: DatasetId = 'concrete';
