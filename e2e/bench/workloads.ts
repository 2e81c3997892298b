import { loadDataset, type FileSource } from '../../src/data/datasets';
import { prepareData, type PreparedData } from '../../src/data/prepare';
import { generate } from '../../src/data/synthetic';
import type { Table } from '../../src/data/table';
import type { LayerDraft, LayerSpec } from '../../src/model/layers';
import { defaultEarlyStopping } from '../../src/model/earlyStopping';
import type { TrainingConfig } from '../../src/model/trainingConfig';
import { defaultExperiment } from '../../src/state/defaults';

/** One benchmark workload: data, network and training, as issue 7 (W1–W4) and issue 15 (W5) define them. */
export interface Workload {
  id: 'W1' | 'W2' | 'W3' | 'W4' | 'W5';
  title: string;
  table(): Promise<Table>;
  validationSplit: number;
  layers: LayerDraft[];
  config: TrainingConfig;
  /** Epochs to time (kept small: this machine is slow and shared). */
  epochs: number;
  /** Epochs to time on the playground's JavaScript engine, where it is much faster; `epochs` if absent. */
  jsEpochs?: number;
  /** Whether the model has convolutions (WASM cannot train those). */
  conv: boolean;
  /** Whether the model has recurrent layers (the fused JavaScript engine and the peers cannot train those). */
  recurrent: boolean;
}

const files: FileSource = {
  text: async (file) => (await fetch(`/datasets/${file}`)).text(),
  bytes: async (file) => new Uint8Array(await (await fetch(`/datasets/${file}`)).arrayBuffer()),
};

const config = (overrides: Partial<TrainingConfig>): TrainingConfig => ({
  optimizer: 'adam',
  learningRate: 0.001,
  batchSize: 32,
  epochs: 1,
  loss: 'binaryCrossentropy',
  validationSplit: 0.2,
  scaling: 'standard',
  seed: 1,
  earlyStopping: { ...defaultEarlyStopping },
  ...overrides,
});

/** The app's starting point for Sunspots, whose training settings W5 takes as they are. */
const sunspots = defaultExperiment('sunspots');

const dense = (units: number, activation: 'tanh' | 'relu' | 'sigmoid' | 'softmax'): LayerDraft => ({ kind: 'dense', units, activation });

export const workloads: Workload[] = [
  {
    id: 'W1',
    title: 'TF Playground default: circle, 500 points, 2-4-2-1 tanh, batch 10, SGD 0.03',
    table: async () => generate('circle', { numPoints: 500, noise: 0, seed: 1 }),
    validationSplit: 0.5,
    layers: [dense(4, 'tanh'), dense(2, 'tanh'), dense(1, 'sigmoid')],
    config: config({ optimizer: 'sgd', learningRate: 0.03, batchSize: 10 }),
    epochs: 40,
    // About half a second at the target's 5,000 epochs/s: 40 epochs (15 ms) were too few for a steady figure.
    jsEpochs: 2000,
    conv: false,
    recurrent: false,
  },
  {
    id: 'W2',
    title: 'Tabular: breast_cancer, 30-64-32-1 relu, dropout 0.3, batch norm, batch 32, Adam',
    table: () => loadDataset('breastCancer', files),
    validationSplit: 0.2,
    layers: [dense(64, 'relu'), { kind: 'dropout', rate: 0.3 }, { kind: 'batchNormalization' }, dense(32, 'relu'), { kind: 'dropout', rate: 0.3 }, { kind: 'batchNormalization' }, dense(1, 'sigmoid')],
    config: config({ batchSize: 32 }),
    epochs: 10,
    // About a second on the JavaScript engine: 10 epochs (30 ms) were within a pool's start-up.
    jsEpochs: 300,
    conv: false,
    recurrent: false,
  },
  {
    id: 'W3',
    title: 'CNN: fashion_mnist_2000, Conv 8 → pool → Conv 16 → pool → Dense 64 → 10, batch 64, Adam',
    table: () => loadDataset('fashion', files),
    validationSplit: 0.2,
    layers: [
      { kind: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
      { kind: 'maxPooling2d', poolSize: 2 },
      { kind: 'conv2d', filters: 16, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
      { kind: 'maxPooling2d', poolSize: 2 },
      { kind: 'flatten' },
      dense(64, 'relu'),
      dense(10, 'softmax'),
    ],
    config: config({ batchSize: 64, loss: 'categoricalCrossentropy', scaling: 'none' }),
    epochs: 1,
    jsEpochs: 5,
    conv: true,
    recurrent: false,
  },
  {
    id: 'W4',
    title: 'Wide MLP: 8,000 2-D points, 2-256-256-1 relu, batch 256, Adam',
    table: async () => generate('circle', { numPoints: 8000, noise: 0.2, seed: 2 }),
    validationSplit: 0.2,
    layers: [dense(256, 'relu'), dense(256, 'relu'), dense(1, 'sigmoid')],
    config: config({ batchSize: 256 }),
    epochs: 3,
    jsEpochs: 15,
    conv: false,
    recurrent: false,
  },
  {
    id: 'W5',
    title: "Series: sunspots, 20-step windows → LSTM(32) → Dense(1), the app's Sunspots defaults (Adam 0.01, MAE, batch 32)",
    // Window 20, horizon 1: the series' default (DEFAULT_SERIES_WINDOW).
    table: () => loadDataset('sunspots', files),
    validationSplit: sunspots.config.validationSplit,
    layers: [{ kind: 'lstm', units: 32, activation: 'tanh', returnSequences: false }, { kind: 'dense', units: 1, activation: 'linear' }],
    config: { ...sunspots.config, epochs: 1 },
    // Enough that the forecast, measured at most once a second, is measured several times on WASM.
    epochs: 20,
    conv: false,
    recurrent: true,
  },
];

export interface Prepared {
  workload: Workload;
  table: Table;
  data: PreparedData;
  layers: LayerSpec[];
}

export async function prepare(workload: Workload): Promise<Prepared> {
  const table = await workload.table();
  const data = prepareData(table, workload.validationSplit, 1, workload.config.scaling);
  return { workload, table, data, layers: workload.layers.map((layer, i) => ({ ...layer, id: `b${i}` }) as LayerSpec) };
}
