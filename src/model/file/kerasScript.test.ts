import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../layers';
import { kerasScript } from './kerasScript';
import { setSavedWeightsCode } from './kerasWeights';
import type { PlaygroundBlock } from './schema';

const layers: LayerSpec[] = [{ id: 'a', kind: 'dense', units: 1, activation: 'sigmoid' }];

/** A block for an uploaded CSV whose names came from the file, whatever they hold. */
function blockWith(names: { label: string; target: string; category: string; classes: string[] }): PlaygroundBlock {
  return {
    version: 1,
    dataset: { id: 'custom', label: names.label },
    task: { kind: 'binary' },
    target: names.target,
    features: ['x', `${names.category}=a`, `${names.category}=b`],
    inputShape: [3],
    encodings: [{ column: names.category, categories: ['a', 'b'] }],
    classNames: names.classes,
    scaler: { kind: 'standard', offset: [0, 0, 0], scale: [1, 1, 1], fill: [0, 0, 0] },
    config: {
      optimizer: 'adam',
      learningRate: 0.01,
      batchSize: 8,
      epochs: 10,
      loss: 'binaryCrossentropy',
      validationSplit: 0.2,
      scaling: 'standard',
      seed: 1,
      earlyStopping: { enabled: false, patience: 5, minDelta: 0, restoreBestWeights: true },
    },
    history: [],
  };
}

describe('the Keras script of an uploaded CSV', () => {
  const hostile = 'price\nimport os; os.system("echo pwned")\r\n\u2028exec("1")';
  const script = kerasScript(
    layers,
    blockWith({ label: `data.csv\nimport os`, target: hostile, category: `kind\nexec("2")`, classes: ['=1+1', '@SUM(1,1)'] }),
    { kind: 'csv', file: 'data.csv', target: hostile, ignored: [], categorical: [`kind\nexec("2")`], image: null },
  );
  const lines = script.split('\n');

  it('keeps line breaks in names out of its comments, so no name becomes a line of code', () => {
    expect(lines.some((line) => /^\s*(import os|exec\()/.test(line))).toBe(false);
    const header = lines.filter((line) => line.startsWith('#'));
    expect(header[0]).toBe('# Exported from the neural-network playground: data.csv import os.');
    expect(header[1]).toContain('target: price import os; os.system("echo pwned")');
    expect(header[1]).toContain('one-hot encoded: kind exec("2")');
  });

  it('writes names from the data only as escaped string literals in code', () => {
    expect(script).toContain(`y = df.pop(${JSON.stringify(hostile)})`);
    // Formula-like class names are plain strings: nothing downstream evaluates them.
    expect(script).toContain('classes = ["=1+1", "@SUM(1,1)"]');
  });
});

describe("the Keras script's EarlyStopping", () => {
  const csv = { kind: 'csv' as const, file: 'data.csv', target: 'y', ignored: [], categorical: [], image: null };
  const names = { label: 'data.csv', target: 'y', category: 'kind', classes: ['no', 'yes'] };
  const withEarly = (early: Partial<PlaygroundBlock['config']['earlyStopping']>, task: PlaygroundBlock['task'] = { kind: 'binary' }): string => {
    const block = blockWith(names);
    return kerasScript(layers, { ...block, task, config: { ...block.config, earlyStopping: { ...block.config.earlyStopping, enabled: true, ...early } } }, csv);
  };

  it('monitors what the playground monitored, under the name Keras logs it with', () => {
    const script = withEarly({ monitor: 'val_metric', mode: 'max', patience: 3, minDelta: 0.01, baseline: 0.8 });
    expect(script).toContain('metrics=["accuracy"],');
    expect(script).toContain(
      'early_stopping = callbacks.EarlyStopping(monitor="val_accuracy", mode="max", min_delta=0.01, patience=3, restore_best_weights=True, baseline=0.8)',
    );
    expect(script).toContain('    callbacks=[early_stopping],');
  });

  it("writes Keras's defaults for a config from before the monitor could be chosen", () => {
    expect(withEarly({})).toContain(
      'callbacks.EarlyStopping(monitor="val_loss", mode="auto", min_delta=0, patience=5, restore_best_weights=True, baseline=None)',
    );
  });

  it('names the regression metric mae, as compiled', () => {
    const script = withEarly({ monitor: 'metric' }, { kind: 'regression' });
    expect(script).toContain('metrics=["mae"],');
    expect(script).toContain('EarlyStopping(monitor="mae", mode="auto"');
  });
});

describe('the weights a script starting from the playground sets', () => {
  // tfjs's order in the model file: every trainable weight, layer by layer, then BatchNormalization's moving mean and variance.
  const specs = [
    ['dense_Dense1/kernel', [2, 3]],
    ['dense_Dense1/bias', [3]],
    ['batch_normalization_BatchNormalization1/gamma', [3]],
    ['batch_normalization_BatchNormalization1/beta', [3]],
    ['dense_Dense2/kernel', [3, 1]],
    ['dense_Dense2/bias', [1]],
    ['batch_normalization_BatchNormalization1/moving_mean', [3]],
    ['batch_normalization_BatchNormalization1/moving_variance', [3]],
  ] as const;
  // Each tensor's values are its index in the file, so the order Keras receives them in shows.
  const values = specs.flatMap(([, shape], i) => Array<number>(shape.reduce((a: number, b: number) => a * b, 1)).fill(i));
  const weightData = Buffer.from(new Float32Array(values).buffer).toString('base64');
  /** Stand-ins for NumPy and a built Keras Sequential (Dense → BatchNormalization → Dense), so plain python3 runs the lines. */
  const harness = [
    'import base64, json, math, struct',
    'class Array:',
    '    def __init__(self, values): self.values, self.shape = values, (len(values),)',
    '    def reshape(self, shape): self.shape = tuple(shape); return self',
    'class np:',
    '    prod = staticmethod(math.prod)',
    '    @staticmethod',
    '    def frombuffer(raw, dtype, count, offset): return Array(list(struct.unpack_from("<%df" % count, raw, offset)))',
    'class Variable:',
    '    def __init__(self, name, shape): self.name, self.shape = name, shape',
    'class Layer:',
    '    def __init__(self, trainable, fixed=()): self.trainable_weights, self.non_trainable_weights = list(trainable), list(fixed)',
    'class Model:',
    '    layers = [Layer([Variable("kernel", (2, 3)), Variable("bias", (3,))]),',
    '              Layer([Variable("gamma", (3,)), Variable("beta", (3,))], [Variable("moving_mean", (3,)), Variable("moving_variance", (3,))]),',
    '              Layer([Variable("kernel", (3, 1)), Variable("bias", (1,))])]',
    '    weights = [v for layer in layers for v in layer.trainable_weights + layer.non_trainable_weights]',
    '    def set_weights(self, weights): print(json.dumps([w.values[0] for w in weights]))',
    'model = Model()',
    `saved = ${JSON.stringify({ weightSpecs: specs.map(([name, shape]) => ({ name, shape, dtype: 'float32' })), weightData })}`,
  ];

  it("puts BatchNormalization's moving mean and variance back with their layer, as Keras orders its weights", () => {
    const out = execFileSync('python3', ['-c', [...harness, ...setSavedWeightsCode()].join('\n')]).toString();
    // Keras: kernel, bias; gamma, beta, moving mean, moving variance; kernel, bias.
    expect(JSON.parse(out)).toEqual([0, 1, 2, 3, 6, 7, 4, 5]);
  });
});
