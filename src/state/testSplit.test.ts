import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../engine/protocol';
import { kerasScript } from '../model/file/kerasScript';
import { playgroundBlockSchema, trainingConfigSchema, type PlaygroundBlock } from '../model/file/schema';
import { testConfig } from '../testing/fixtures';
import { SERIES_TEST_SPLIT } from '../data/prepare';
import { seriesTable } from '../data/seriesSources';
import { generate } from '../data/synthetic';
import { playgroundBlock } from './exportFiles';
import { experimentProblems } from './problems';
import { recordOf } from './runsList';
import { applyRunEvent, idleRun, type RunData, type RunState } from './runState';
import { statusText } from './statusText';

const history: EpochRecord[] = [1, 2, 3].map((epoch) => ({ epoch, loss: 0.6 / epoch, valLoss: 0.7 / epoch, metric: 0.8, valMetric: 0.75, ms: 1, learningRate: 0.01 }));
const config = testConfig({ testSplit: 0.1, epochs: 3, loss: 'binaryCrossentropy' });

/** A run that has trained its three epochs and waits for its end event. */
const running: RunState = {
  ...idleRun,
  runId: 7,
  phase: 'running',
  setup: { datasetId: 'moons', layers: [], config },
  data: { targetSize: 1, exportMeta: { task: { kind: 'binary' } } } as unknown as RunData,
  history,
};

const ended = (test: { loss: number; metric: number } | null): RunState =>
  applyRunEvent(running, {
    type: 'runEnded',
    runId: 7,
    outcome: { kind: 'completed', epochs: 3, restoredFrom: null },
    tensorsBefore: 0,
    tensorsAfter: 0,
    weights: null,
    model: null,
    test: test ? { ...test, predictions: new Float32Array(4) } : null,
  });

describe('the test evaluation of a finished run', () => {
  it('is read out by the status after the run’s own sentence', () => {
    expect(statusText(ended({ loss: 0.41, metric: 0.875 }))).toBe('Finished 3 epochs. loss 0.2000, val_loss 0.2333. Test set: test_loss 0.4100, test_accuracy 0.8750.');
    expect(statusText(ended(null))).toBe('Finished 3 epochs. loss 0.2000, val_loss 0.2333');
    const regression = { ...ended({ loss: 2.5, metric: 1.25 }), data: { targetSize: 1, exportMeta: { task: { kind: 'regression' } } } as unknown as RunData };
    expect(statusText(regression)).toContain('test_loss 2.500, test_mae 1.250.');
  });

  it('is kept in the runs list and the export’s playground block, which the model file’s schema accepts', () => {
    expect(recordOf(ended({ loss: 0.41, metric: 0.875 }), 1)?.test).toEqual({ loss: 0.41, metric: 0.875 });
    expect(recordOf(ended(null), 1)?.test).toBeUndefined();
    const exportMeta = { task: { kind: 'binary' }, script: { kind: 'synthetic', name: 'moons', csv: '' } };
    const withMeta = { ...ended({ loss: 0.41, metric: 0.875 }), data: { ...running.data!, exportMeta } as unknown as RunData };
    expect(playgroundBlock(withMeta)?.test).toEqual({ loss: 0.41, metric: 0.875, rows: 4 });
    expect(playgroundBlockSchema.shape.test.parse({ loss: 0.41, metric: 0.875, rows: 4 })).toEqual({ loss: 0.41, metric: 0.875, rows: 4 });
    expect(playgroundBlockSchema.shape.test.parse(undefined)).toBeUndefined();
  });

  it('leaves configs from before the test split readable, and refuses one that holds out everything', () => {
    const { testSplit: _none, ...old } = testConfig();
    expect(trainingConfigSchema.parse(old).testSplit).toBeUndefined();
    expect(trainingConfigSchema.parse({ ...old, testSplit: 0.15 }).testSplit).toBe(0.15);
    expect(trainingConfigSchema.safeParse({ ...old, testSplit: 1 }).success).toBe(false);
    expect(trainingConfigSchema.safeParse({ ...old, testSplit: -0.1 }).success).toBe(false);
  });
});

describe('Train with a test split', () => {
  const layers = [{ id: 'a', kind: 'dense' as const, units: 1, activation: 'sigmoid' as const }];
  it('is refused for a time series and for too few rows, in plain words, and allowed otherwise', () => {
    const series = seriesTable('v', Float32Array.from({ length: 60 }, (_, i) => Math.sin(i / 3)), null, null, { window: 5, horizon: 1 });
    const seriesLayers = [{ id: 'a', kind: 'flatten' as const }, { id: 'b', kind: 'dense' as const, units: 1, activation: 'linear' as const }];
    expect(experimentProblems(series, seriesLayers, testConfig({ testSplit: 0.1 }))).toContain(SERIES_TEST_SPLIT);
    expect(experimentProblems(series, seriesLayers, testConfig())).not.toContain(SERIES_TEST_SPLIT);
    const circle = generate('circle', { numPoints: 100, noise: 0.1, seed: 1 });
    const binary = testConfig({ loss: 'binaryCrossentropy', testSplit: 0.1 });
    expect(experimentProblems(circle, layers, binary)).toEqual([]);
    const two = { ...circle, numRows: 2, features: circle.features.slice(0, 4), targets: circle.targets.slice(0, 2) };
    expect(experimentProblems(two, layers, { ...binary, validationSplit: 0.5 }).join(' ')).toMatch(/at least 3 rows/);
  });
});

describe('the Keras script with a test split', () => {
  const block = (testSplit: number): PlaygroundBlock => ({
    version: 1,
    dataset: { id: 'moons', label: 'Moons' },
    task: { kind: 'multiclass', numClasses: 3 },
    target: 'label',
    features: ['x1', 'x2'],
    inputShape: [2],
    encodings: [],
    classNames: ['a', 'b', 'c'],
    scaler: { kind: 'standard', offset: [0, 0], scale: [1, 1], fill: [0, 0] },
    config: { ...testConfig({ loss: 'categoricalCrossentropy' }), testSplit },
    history: [],
  });
  const data = { kind: 'synthetic' as const, name: 'moons', csv: 'x1,x2,label\n' };

  it('cuts the test part off before scaling and measures it once, with model.evaluate, after training', () => {
    const script = kerasScript([{ id: 'a', kind: 'dense', units: 3, activation: 'softmax' }], block(0.1), data);
    const lines = script.split('\n');
    const at = (text: string): number => lines.findIndex((line) => line.includes(text));
    expect(script).toContain('n_test = min(len(X) - n_valid - 1, max(1, int(np.floor(len(X) * 0.1 + 0.5))))');
    expect(at('X_test = (X_test - mean) / std')).toBeGreaterThan(at('mean = X_train.mean(axis=0)'));
    expect(script).toContain('y_test = keras.utils.to_categorical(y_test, 3)');
    expect(at('model.evaluate(X_test, y_test')).toBeGreaterThan(at('history = model.fit('));
    // X_test appears in fit's arguments nowhere: only the split, the scaling and the evaluation name it.
    const fit = lines.slice(at('history = model.fit('), at('history_df =')).join('\n');
    expect(fit).not.toContain('X_test');
    expect(lines.filter((line) => line.includes('X_test')).length).toBe(3);
  });

  it('stays as it was without a test split', () => {
    const script = kerasScript([{ id: 'a', kind: 'dense', units: 3, activation: 'softmax' }], block(0), data);
    expect(script).not.toContain('X_test');
    expect(script).not.toContain('evaluate');
    expect(script).toContain('X_train, X_valid = X[train], X[valid]');
  });
});
