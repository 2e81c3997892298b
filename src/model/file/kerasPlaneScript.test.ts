import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { applyFeatures, inputFeatures } from '../../data/engineeredFeatures';
import { prepareData } from '../../data/prepare';
import { generate } from '../../data/synthetic';
import { exportMetaFor } from '../../state/exportMeta';
import { playgroundBlock } from '../../state/exportFiles';
import { idleRun, type RunState } from '../../state/runState';
import type { LayerSpec } from '../layers';
import { kerasScript, planeFeatureCode } from './kerasScript';
import type { PlaygroundBlock } from './schema';

const layers: LayerSpec[] = [{ id: 'a', kind: 'dense', units: 1, activation: 'sigmoid' }];
const config: PlaygroundBlock['config'] = {
  optimizer: 'adam',
  learningRate: 0.03,
  batchSize: 16,
  epochs: 30,
  loss: 'binaryCrossentropy',
  validationSplit: 0.2,
  scaling: 'standard',
  seed: 1,
  earlyStopping: { enabled: false, patience: 5, minDelta: 0, restoreBestWeights: true },
};

/** The export of a run on Circle with these features: its playground block (through the export's own path) and script data. */
function exported(features: Parameters<typeof applyFeatures>[1]) {
  const table = applyFeatures(generate('circle', { numPoints: 40, noise: 0.1, seed: 2 }), features);
  const meta = exportMetaFor('circle', table, prepareData(table, 0.2, 1), null);
  const run = { ...idleRun, setup: { datasetId: 'circle', layers, config, imported: false, largestInput: 1 }, data: { exportMeta: meta } } as unknown as RunState;
  const block = playgroundBlock(run)!;
  return { table, meta, block, script: kerasScript(layers, block, meta.script) };
}

/** The Python parser's view of the script: it must be valid Python, and these are its top-level assignments. */
function assignments(code: string): Record<string, string> {
  const program = [
    'import ast, json, sys',
    'found = {}',
    'for node in ast.parse(sys.stdin.read()).body:',
    '    if isinstance(node, ast.Assign):',
    '        for target in node.targets:',
    '            found[ast.unparse(target)] = ast.unparse(node.value)',
    'print(json.dumps(found))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', program], { input: code }).toString()) as Record<string, string>;
}

describe('the Keras script of a 2-D set with engineered features', () => {
  it('carries the features in the playground block, with their formulas', () => {
    const { block } = exported(['x1²', 'x2²']);
    expect(block.features).toEqual(['x1²', 'x2²']);
    expect(block.engineered).toEqual([
      { name: 'x1²', formula: 'x1 * x1' },
      { name: 'x2²', formula: 'x2 * x2' },
    ]);
    expect(exported(['x1', 'x2']).block).not.toHaveProperty('engineered');
  });

  it('computes the same columns from x1, x2 with NumPy, before scaling, and is valid Python', () => {
    const { script } = exported(['x1²', 'x2²', 'x1·x2', 'sin(x1)']);
    const found = assignments(script);
    expect(found['x1']).toBe("df['x1'].to_numpy(dtype='float32')");
    expect(found['x2']).toBe("df['x2'].to_numpy(dtype='float32')");
    expect(found['X']).toBe("np.column_stack([x1 ** 2, x2 ** 2, x1 * x2, np.sin(x1)]).astype('float32')");
    expect(script).toContain('# The inputs the playground computed from each point, before scaling: x1², x2², x1·x2, sin(x1).');
    expect(script).toContain('layers.Dense(units=1, activation="sigmoid", input_shape=[4])');
    // The features exist before the split and the scaling that follow.
    expect(script.indexOf('X = np.column_stack')).toBeLessThan(script.indexOf('mean = X_train.mean(axis=0)'));
  });

  it('reads the plain points as before when the features are x1, x2', () => {
    const found = assignments(exported(['x1', 'x2']).script);
    expect(found['X']).toBe("df[['x1', 'x2']].to_numpy(dtype='float32')");
    expect(found).not.toHaveProperty('x1');
  });

  it('has NumPy for every feature the playground offers, and refuses one it does not know', () => {
    expect(Object.keys(planeFeatureCode)).toEqual(inputFeatures);
    const { block, meta } = exported(['x1²']);
    expect(() => kerasScript(layers, { ...block, engineered: [{ name: '__import__("os")', formula: 'x' }] }, meta.script)).toThrow('has no formula the script knows');
  });
});

const numpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
if (!numpy) console.info('Skipping the NumPy run of the engineered features: python3 has no NumPy.');

describe.skipIf(!numpy)("the engineered features' NumPy, run", () => {
  it("gives the playground's columns, value by value", () => {
    const { table, script } = exported(inputFeatures);
    const found = assignments(script);
    const points = table.plane!;
    const xs = (offset: number) => Array.from({ length: table.numRows }, (_, r) => points[2 * r + offset]!);
    const program = [
      'import json',
      'import numpy as np',
      `x1 = np.array(${JSON.stringify(xs(0))}, dtype="float32")`,
      `x2 = np.array(${JSON.stringify(xs(1))}, dtype="float32")`,
      `X = ${found['X']}`,
      'print(json.dumps(X.astype("float64").ravel().tolist()))',
    ].join('\n');
    const values = JSON.parse(execFileSync('python3', ['-c', program]).toString()) as number[];
    expect(values).toHaveLength(table.features.length);
    expect(Math.max(...values.map((v, i) => Math.abs(v - table.features[i]!)))).toBeLessThan(1e-5);
  });
});
