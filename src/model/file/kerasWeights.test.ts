import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../layers';
import { kerasScript, type ScriptData } from './kerasScript';
import type { PlaygroundBlock } from './schema';

const layers: LayerSpec[] = [
  { id: 'a', kind: 'dense', units: 8, activation: 'relu' },
  { id: 'b', kind: 'dense', units: 1, activation: 'linear' },
];

const block = (scaling: 'standard' | 'none'): PlaygroundBlock => ({
  version: 1,
  dataset: { id: 'concrete', label: 'Concrete' },
  task: { kind: 'regression' },
  target: 'strength',
  features: ['cement', 'water'],
  inputShape: [2],
  encodings: [],
  classNames: null,
  scaler: { kind: scaling, offset: [280, 180], scale: [100, 20], fill: [280, 180] },
  config: {
    optimizer: 'adam',
    learningRate: 0.01,
    batchSize: 32,
    epochs: 10,
    loss: 'mae',
    validationSplit: 0.2,
    scaling,
    seed: 1,
    earlyStopping: { enabled: false, patience: 5, minDelta: 0, restoreBestWeights: true },
  },
  history: [],
});
const csv: ScriptData = { kind: 'csv', file: 'concrete.csv', target: 'strength', ignored: [], categorical: [], image: null };

/** The script's top-level statements in order, as Python's own parser reads them (a syntax error throws). */
function statementLines(code: string): string[] {
  const program = ['import ast, json, sys', 'tree = ast.parse(sys.stdin.read())', 'print(json.dumps([ast.unparse(n) for n in tree.body]))'].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', program], { input: code }).toString()) as string[];
}

describe('a Keras script that starts from the trained weights', () => {
  const script = kerasScript(layers, block('standard'), csv, { weightsFile: 'concrete_model.json' });
  const lines = statementLines(script);
  const index = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));

  it('parses, reads the model file beside it, and scales with its scaler instead of fitting one', () => {
    expect(lines.some((line) => /open\('concrete_model\.json'/.test(line))).toBe(true);
    expect(script).toContain('saved["playground"]["scaler"]["offset"]');
    expect(script).toContain('X_train = (X_train - offset.reshape(X_train.shape[1:])) / scale.reshape(X_train.shape[1:])');
    expect(script).not.toContain('X_train.mean(axis=0)');
  });

  it('sets the weights after the model is built and before it trains on, and measures where it starts', () => {
    const built = index(/^model = keras\.Sequential/);
    const set = index(/^model\.set_weights\(weights\)/);
    const fit = index(/^history = model\.fit\(/);
    expect(built).toBeGreaterThanOrEqual(0);
    expect(set).toBeGreaterThan(built);
    expect(fit).toBeGreaterThan(set);
    expect(script).toContain("Starting from the playground's weights");
  });

  it('leaves the fresh script as it was, and an unscaled one unscaled', () => {
    const fresh = kerasScript(layers, block('standard'), csv);
    expect(fresh).not.toContain('set_weights');
    expect(fresh).toContain('X_train.mean(axis=0)');
    const unscaled = kerasScript(layers, block('none'), csv, { weightsFile: 'concrete_model.json' });
    expect(unscaled).toContain('# No scaling, as in the playground.');
    expect(unscaled).not.toContain('offset.reshape');
  });

});

describe('a time series’ Keras script that starts from the trained weights', () => {
  const series: ScriptData = { kind: 'series', file: 'sunspots_yearly.csv', csv: null, time: null, inputs: ['sunspots'], target: 'sunspots', numRows: 309, window: 20, horizon: 1, missing: false } as unknown as ScriptData;
  const lstm: LayerSpec[] = [
    { id: 'l', kind: 'lstm', units: 32, activation: 'tanh', returnSequences: false },
    { id: 'd', kind: 'dense', units: 1, activation: 'linear' },
  ];
  const seriesBlock = { ...block('standard'), dataset: { id: 'sunspots', label: 'Sunspots' }, features: ['sunspots'], target: 'sunspots', inputShape: [20, 1] };
  const script = kerasScript(lstm, seriesBlock, series, { weightsFile: 'sunspots_model.json' });
  const lines = statementLines(script);
  const index = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));

  it('reads the model file, keeps its own scaling (the playground’s, step by step) and sets the weights before training on', () => {
    expect(lines.some((line) => /open\('sunspots_model\.json'/.test(line))).toBe(true);
    expect(script).not.toContain('saved["playground"]["scaler"]');
    expect(script).toContain('np.mean(inputs[:split], axis=0)');
    expect(index(/^model\.set_weights\(weights\)/)).toBeGreaterThan(index(/^model = keras\.Sequential/));
    expect(index(/^history = model\.fit\(/)).toBeGreaterThan(index(/^model\.set_weights\(weights\)/));
    expect(script).toContain("Starting from the playground's weights");
  });
});
