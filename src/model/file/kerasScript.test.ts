import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../layers';
import { kerasScript } from './kerasScript';
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
