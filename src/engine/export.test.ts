import { execFileSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareData } from '../data/prepare';
import { generate } from '../data/synthetic';
import { base64ToBytes } from '../model/file/base64';
import { kerasScript, pointsCsv, type ScriptData } from '../model/file/kerasScript';
import { buildModelFile, buildTfjsPair, parseModelFile, parseTfjsPair, type SerializedModel } from '../model/file/modelFile';
import type { PlaygroundBlock } from '../model/file/schema';
import type { LayerSpec } from '../model/layers';
import type { TaskSpec } from '../model/task';
import { testConfig } from '../testing/fixtures';
import type { TrainingData } from './protocol';
import { RunControl } from './runControl';
import { runTraining } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface Trained {
  model: SerializedModel;
  /** The playground's own final outputs for the validation rows. */
  predictions: Float32Array;
  data: TrainingData;
  layers: LayerSpec[];
  block: PlaygroundBlock;
}

async function train(layers: LayerSpec[], task: TaskSpec, data: TrainingData, loss: 'binaryCrossentropy' | 'categoricalCrossentropy'): Promise<Trained> {
  let predictions: Float32Array | null = null;
  const config = testConfig({ optimizer: 'adam', learningRate: 0.01, batchSize: 16, epochs: 3, loss });
  const xVal = data.xVal.slice();
  const result = await runTraining({ layers, task, config, data: { ...data } }, new RunControl(), {
    onEpoch: () => {},
    onPredictions: (_epoch, validation) => (predictions = validation),
  });
  if (!result.model || !predictions) throw new Error('no model');
  const block: PlaygroundBlock = {
    version: 1,
    dataset: { id: 'circle', label: 'Circle' },
    task,
    target: 'label',
    features: data.inputShape.length === 1 ? ['x1', 'x2'] : [],
    inputShape: [...data.inputShape],
    encodings: [],
    classNames: null,
    scaler: { kind: 'standard', offset: [0, 0], scale: [1, 1], fill: [0, 0] },
    config,
    history: [],
  };
  return { model: result.model, predictions, data: { ...data, xVal }, layers, block };
}

/** Loads a model with nothing but tfjs, as a user of the exported file would, and predicts. */
async function predictWithPlainTfjs(artifacts: tf.io.ModelArtifacts, data: TrainingData): Promise<Float32Array> {
  const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  const x = tf.tensor(data.xVal, [data.xVal.length / data.inputShape.reduce((a, b) => a * b, 1), ...data.inputShape]);
  const out = model.predict(x) as tf.Tensor;
  const values = (await out.data()) as Float32Array;
  tf.dispose([x, out]);
  model.dispose();
  return values;
}

const circle = () => ({ ...prepareData(generate('circle', { numPoints: 200, noise: 0.2, seed: 3 }), 0.25, 1), grid: null });

const denseModel: LayerSpec[] = [
  { id: 'a', kind: 'dense', units: 8, activation: 'relu' },
  { id: 'b', kind: 'dropout', rate: 0.3 },
  { id: 'c', kind: 'batchNormalization' },
  { id: 'd', kind: 'dense', units: 1, activation: 'sigmoid' },
];

function imageData(): TrainingData {
  const n = 60;
  const xs = Float32Array.from({ length: n * 36 }, (_, i) => Math.abs(Math.sin(i * 1.7)));
  const ys = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) ys[i * 3 + (i % 3)] = 1;
  return { xTrain: xs.slice(0, 45 * 36), yTrain: ys.slice(0, 45 * 3), xVal: xs.slice(45 * 36), yVal: ys.slice(45 * 3), inputShape: [6, 6, 1], targetSize: 3, grid: null };
}

const cnnModel: LayerSpec[] = [
  { id: 'a', kind: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
  { id: 'b', kind: 'maxPooling2d', poolSize: 2 },
  { id: 'c', kind: 'flatten' },
  { id: 'd', kind: 'dense', units: 3, activation: 'softmax' },
];

describe('exported models load in plain tfjs and predict exactly as the playground did', () => {
  const cases = [
    ['a dense model with dropout and batch normalization', () => train(denseModel, { kind: 'binary' }, circle(), 'binaryCrossentropy')],
    ['a small CNN', () => train(cnnModel, { kind: 'multiclass', numClasses: 3 }, imageData(), 'categoricalCrossentropy')],
  ] as const;
  for (const [name, make] of cases) {
    it(`${name}: the one-file JSON`, async () => {
      const trained = await make();
      const file = JSON.parse(buildModelFile(trained.model, trained.block)) as Record<string, unknown>;
      // Only tfjs and the documented fields: decode the base64 weights and load from memory.
      const artifacts: tf.io.ModelArtifacts = {
        modelTopology: file.modelTopology as tf.io.ModelArtifacts['modelTopology'],
        weightSpecs: file.weightSpecs as tf.io.WeightsManifestEntry[],
        weightData: base64ToBytes(file.weightData as string).buffer as ArrayBuffer,
      };
      const plain = await predictWithPlainTfjs(artifacts, trained.data);
      expect(plain.length).toBe(trained.predictions.length);
      plain.forEach((value, i) => expect(Math.abs(value - trained.predictions[i]!)).toBeLessThan(1e-5));
      expect(file.format).toBe('layers-model');
      expect((file.playground as PlaygroundBlock).inputShape).toEqual(trained.data.inputShape);
    });

    it(`${name}: the model.json + weights.bin pair`, async () => {
      const trained = await make();
      const pair = buildTfjsPair(trained.model, trained.block);
      const json = JSON.parse(pair.modelJson) as { modelTopology: object; weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[] };
      expect(json.weightsManifest[0]!.paths).toEqual(['weights.bin']);
      const plain = await predictWithPlainTfjs(
        { modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0]!.weights, weightData: pair.weightsBin },
        trained.data,
      );
      plain.forEach((value, i) => expect(Math.abs(value - trained.predictions[i]!)).toBeLessThan(1e-5));
    });

    it(`${name}: imports back into the same layer stack`, async () => {
      const trained = await make();
      const strip = (layers: LayerSpec[]) => layers.map(({ id: _id, ...rest }) => rest);
      const one = parseModelFile(buildModelFile(trained.model, trained.block));
      if (!one.ok) throw new Error(one.message);
      expect(strip(one.imported.layers)).toEqual(strip(trained.layers));
      expect(one.imported.inputShape).toEqual(trained.data.inputShape);
      expect(one.imported.playground?.config.epochs).toBe(3);
      const pair = buildTfjsPair(trained.model, trained.block);
      const two = parseTfjsPair(pair.modelJson, pair.weightsBin);
      if (!two.ok) throw new Error(two.message);
      expect(strip(two.imported.layers)).toEqual(strip(trained.layers));
    });
  }

  it('continues training from imported weights, starting where the export left off', async () => {
    const trained = await train(denseModel, { kind: 'binary' }, circle(), 'binaryCrossentropy');
    const before = tf.memory().numTensors;
    const result = await runTraining(
      { layers: denseModel, task: { kind: 'binary' }, config: trained.block.config, data: circle(), initialModel: trained.model, mode: 'evaluate' },
      new RunControl(),
      { onEpoch: () => {} },
    );
    expect(result.outcome.kind).toBe('evaluated');
    if (result.outcome.kind !== 'evaluated') return;
    // Cross-entropy of the same predictions the export made.
    const y = circle().yVal;
    const p = trained.predictions;
    let bce = 0;
    for (let i = 0; i < y.length; i++) {
      const q = Math.min(1 - 1e-7, Math.max(1e-7, p[i]!));
      bce -= y[i]! * Math.log(q) + (1 - y[i]!) * Math.log(1 - q);
    }
    expect(result.outcome.valLoss).toBeCloseTo(bce / y.length, 4);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the Keras script', () => {
  const block = (layers: LayerSpec[], inputShape: number[]): PlaygroundBlock => ({
    version: 1,
    dataset: { id: 'autoMpg', label: 'Auto MPG' },
    task: { kind: 'regression' },
    target: 'mpg',
    features: ['cylinders', 'origin=Europe'],
    inputShape,
    encodings: [{ column: 'origin', categories: ['Europe', 'Japan', 'USA'] }],
    classNames: null,
    scaler: { kind: 'standard', offset: [], scale: [], fill: [] },
    config: testConfig({ optimizer: 'adam', earlyStopping: { enabled: true, patience: 20, minDelta: 0.001, restoreBestWeights: true } }),
    history: [],
  });
  const csv: ScriptData = { kind: 'csv', file: 'auto_mpg.csv', target: 'mpg', ignored: [], categorical: ['origin'], image: null };

  const pythonParses = (code: string): void => {
    execFileSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code });
  };

  it('is valid Python and names every layer with its settings', () => {
    const layers: LayerSpec[] = [
      { id: 'a', kind: 'dense', units: 64, activation: 'relu' },
      { id: 'b', kind: 'dropout', rate: 0.3 },
      { id: 'c', kind: 'batchNormalization' },
      { id: 'd', kind: 'activation', activation: 'elu' },
      { id: 'e', kind: 'dense', units: 1, activation: 'linear' },
    ];
    const code = kerasScript(layers, block(layers, [9]), csv);
    pythonParses(code);
    expect(code).toContain('layers.Dense(units=64, activation="relu", input_shape=[9])');
    expect(code).toContain('layers.Dropout(rate=0.3)');
    expect(code).toContain('layers.BatchNormalization()');
    expect(code).toContain('layers.Activation("elu")');
    expect(code).toContain('layers.Dense(units=1, activation="linear")');
    expect(code).toContain('keras.optimizers.Adam(learning_rate=0.1)');
    expect(code).toContain('loss="mse"');
    expect(code).toContain('EarlyStopping(monitor="val_loss", mode="auto", min_delta=0.001, patience=20, restore_best_weights=True, baseline=None)');
    expect(code).toContain('batch_size=8');
    expect(code).toContain('pd.get_dummies(df, columns=["origin"]');
  });

  it('writes CNN layers and image loading the course’s way', () => {
    const code = kerasScript(cnnModel, { ...block(cnnModel, [8, 8, 1]), task: { kind: 'multiclass', numClasses: 3 }, classNames: ['0', '1', '2'] }, {
      kind: 'csv',
      file: 'digits_8x8.csv',
      target: 'digit',
      ignored: [],
      categorical: [],
      image: { height: 8, width: 8, maxValue: 16 },
    });
    pythonParses(code);
    expect(code).toContain('layers.Conv2D(filters=4, kernel_size=3, strides=1, padding="same", activation="relu", input_shape=[8, 8, 1])');
    expect(code).toContain('layers.MaxPool2D(pool_size=2)');
    expect(code).toContain('layers.Flatten()');
    expect(code).toContain('reshape(-1, 8, 8, 1) / 16');
    expect(code).toContain('to_categorical(y_train, 3)');
  });

  it('a dropout first gets an explicit input layer, since Dropout takes no input_shape in the course', () => {
    const layers: LayerSpec[] = [
      { id: 'b', kind: 'dropout', rate: 0.2 },
      { id: 'e', kind: 'dense', units: 1, activation: 'linear' },
    ];
    const code = kerasScript(layers, block(layers, [9]), csv);
    pythonParses(code);
    expect(code).toContain('layers.InputLayer(input_shape=[9]),\n    layers.Dropout(rate=0.2)');
  });

  it('for a generated set, reads the points that are downloaded with it', () => {
    const table = generate('circle', { numPoints: 20, noise: 0.1, seed: 1 });
    const points = pointsCsv(table.featureNames, table.targetName, table.features, table.targets);
    const lines = points.trim().split('\n');
    expect(lines[0]).toBe('x1,x2,label');
    expect(lines).toHaveLength(21);
    lines.slice(1).forEach((line, i) => {
      const [x1, x2, label] = line.split(',').map(Number);
      expect(x1).toBeCloseTo(table.features[2 * i]!, 5);
      expect(x2).toBeCloseTo(table.features[2 * i + 1]!, 5);
      expect(label).toBe(table.targets[i]);
    });
    const layers: LayerSpec[] = [{ id: 'o', kind: 'dense', units: 1, activation: 'sigmoid' }];
    const code = kerasScript(layers, { ...block(layers, [2]), task: { kind: 'binary' }, target: 'label', features: ['x1', 'x2'] }, { kind: 'synthetic', name: 'circle', csv: points });
    pythonParses(code);
    expect(code).toContain('df = pd.read_csv("circle.csv")');
    expect(code).toContain('X = df[["x1", "x2"]].to_numpy(dtype="float32")');
    expect(code).toContain('y = df["label"]');
  });
});

describe('importing refuses a bad file with its reason', () => {
  let good: Record<string, unknown>;
  beforeAll(async () => {
    const trained = await train(denseModel, { kind: 'binary' }, circle(), 'binaryCrossentropy');
    good = JSON.parse(buildModelFile(trained.model, trained.block)) as Record<string, unknown>;
  });
  const variant = (change: (file: Record<string, unknown>) => void): string => {
    const copy = structuredClone(good);
    change(copy);
    return JSON.stringify(copy);
  };
  const layersOf = (file: Record<string, unknown>) =>
    ((file.modelTopology as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } }).config.layers);
  const messageOf = (text: string): string => {
    const result = parseModelFile(text);
    if (result.ok) throw new Error('accepted');
    return result.message;
  };

  it('accepts the good file', () => {
    expect(parseModelFile(JSON.stringify(good)).ok).toBe(true);
  });

  it('not JSON', () => {
    expect(messageOf('{"format": "layers-model", ')).toMatch(/^The file is not JSON\. It stops in the middle/);
    expect(messageOf('format: layers-model')).toBe('The file is not JSON.');
  });

  it('not a layers model', () => {
    expect(messageOf(variant((f) => (f.format = 'graph-model')))).toMatch(/not a tfjs layers model/);
    expect(messageOf(JSON.stringify({ hello: 'world' }))).toMatch(/not valid/);
  });

  it('an unknown layer class', () => {
    expect(messageOf(variant((f) => (layersOf(f)[1]!.class_name = 'Conv1D')))).toMatch(/cannot build a Conv1D layer/);
  });

  it('weights that do not match the topology', () => {
    expect(messageOf(variant((f) => (layersOf(f)[0]!.config.units = 9)))).toMatch(/The weights do not match the model: .* needs \[2, 9\]/);
    expect(messageOf(variant((f) => (f.weightSpecs as unknown[]).pop()))).toMatch(/needs \d+ weight tensors, the file has/);
    expect(messageOf(variant((f) => (f.weightData = (f.weightData as string).slice(0, 40))))).toMatch(/bytes of weights/);
  });

  it('sizes out of limits', () => {
    expect(messageOf(variant((f) => (layersOf(f)[0]!.config.units = 1_000_000_000)))).toMatch(/has 1,000,000,000 units; the playground allows at most 4,096/);
  });

  it('keys that could pollute prototypes', () => {
    expect(messageOf(JSON.stringify(good).replace('"format"', '"__proto__": {"polluted": true}, "format"'))).toMatch(/"__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the model.json of a pair on its own', () => {
    const pair = JSON.stringify({ format: 'layers-model', modelTopology: {}, weightsManifest: [] });
    expect(messageOf(pair)).toMatch(/choose both files together/);
  });
});
