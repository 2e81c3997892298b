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

const dense = (id: string, units: number, activation: ActivationName): LayerSpec => ({ id, kind: 'dense', units, activation });

const base: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.01,
  batchSize: 32,
  epochs: 100,
  loss: 'mae',
  validationSplit: 0.2,
  seed: 42,
  earlyStopping: defaultEarlyStopping,
};

/**
 * Each dataset opens with a model that learns it well within a minute, so
 * the first press of Train shows a falling curve.
 */
export const defaultExperiments: Record<DatasetId, () => Experiment> = {
  // The course's concrete network, narrower so it trains quickly in a tab.
  concrete: () => ({
    layers: [dense('l1', 64, 'relu'), dense('l2', 64, 'relu'), dense('l3', 1, 'linear')],
    config: base,
  }),
  circle: () => ({
    layers: [dense('l1', 8, 'tanh'), dense('l2', 8, 'tanh'), dense('l3', 1, 'sigmoid')],
    config: { ...base, learningRate: 0.03, batchSize: 16, loss: 'binaryCrossentropy', validationSplit: 0.3 },
  }),
  spiral: () => ({
    layers: [dense('l1', 16, 'relu'), dense('l2', 16, 'relu'), dense('l3', 16, 'relu'), dense('l4', 1, 'sigmoid')],
    config: { ...base, batchSize: 16, epochs: 300, loss: 'binaryCrossentropy', validationSplit: 0.3 },
  }),
};

/** The dataset the page opens with: a real one, as the course starts with real tables. */
export const DEFAULT_DATASET: DatasetId = 'concrete';
