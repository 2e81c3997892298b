import { describe, expect, it } from 'vitest';
import type { ActivationName } from './activations';
import type { LayerSpec } from './layers';
import type { LossName } from './losses';
import type { TaskSpec } from './task';
import { outputActivation, validateModel } from './validate';

const dense = (units: number, activation: ActivationName = 'relu'): LayerSpec => ({
  id: `d${units}${activation}`,
  kind: 'dense',
  units,
  activation,
});
const regression: TaskSpec = { kind: 'regression' };
const binary: TaskSpec = { kind: 'binary' };
const threeClasses: TaskSpec = { kind: 'multiclass', numClasses: 3 };

const messages = (layers: LayerSpec[], task: TaskSpec, loss: LossName, inputShape = [4]) =>
  validateModel({ inputShape, layers }, task, loss).map((issue) => issue.message);

describe('validateModel', () => {
  it('accepts the default models of each task', () => {
    expect(messages([dense(16), dense(1, 'linear')], regression, 'mae')).toEqual([]);
    expect(messages([dense(8, 'tanh'), dense(1, 'sigmoid')], binary, 'binaryCrossentropy')).toEqual([]);
    expect(messages([dense(8), dense(3, 'softmax')], threeClasses, 'categoricalCrossentropy')).toEqual([]);
  });

  it('asks for at least one layer', () => {
    expect(messages([], regression, 'mse')).toEqual([expect.stringMatching(/at least one layer/)]);
  });

  it('turns away a model with no weights to train, which tfjs cannot fit', () => {
    const passThrough: LayerSpec[] = [
      { id: 'drop', kind: 'dropout', rate: 0 },
      { id: 'act', kind: 'activation', activation: 'linear' },
    ];
    // One feature in, one value out: the shapes fit, but nothing can learn.
    expect(messages(passThrough, regression, 'mse', [1])).toEqual([
      'The model has no weights to train: Dropout, Activation, MaxPooling2D, GlobalAveragePooling1D and Flatten layers only pass values on. Add a Dense layer.',
    ]);
    expect(messages([...passThrough, dense(1, 'linear')], regression, 'mse', [1])).toEqual([]);
  });

  it('says that softmax on a single unit always outputs 1', () => {
    const issues = validateModel({ inputShape: [4], layers: [dense(8), dense(1, 'softmax')] }, binary, 'binaryCrossentropy');
    expect(issues).toContainEqual({ layerIndex: 1, message: expect.stringMatching(/softmax on a single unit always outputs 1/) });
  });

  it('rejects units outside 1..4096 and names the layer', () => {
    expect(messages([dense(0), dense(1, 'linear')], regression, 'mse')).toEqual([
      'Layer 1: Units must be a whole number from 1 to 4,096 (it is 0).',
    ]);
    expect(messages([dense(2.5), dense(1, 'linear')], regression, 'mse')[0]).toMatch(/whole number/);
    expect(messages([dense(5000), dense(1, 'linear')], regression, 'mse')[0]).toMatch(/4,096 \(it is 5000\)/);
  });

  it('rejects a dropout rate of 1 or more, or below 0', () => {
    const drop = (rate: number): LayerSpec => ({ id: 'dr', kind: 'dropout', rate });
    expect(messages([dense(4), drop(1), dense(1, 'linear')], regression, 'mse')[0]).toMatch(
      /Layer 2: Dropout rate must be at least 0 and below 1 \(it is 1\)/,
    );
    expect(messages([dense(4), drop(-0.1), dense(1, 'linear')], regression, 'mse')).toHaveLength(1);
  });

  it('explains when the output size does not fit the task', () => {
    expect(messages([dense(8), dense(3, 'linear')], regression, 'mse')).toEqual([
      'This dataset is regression (predict a number), so the last layer must output 1 value; it outputs 3.',
    ]);
    expect(messages([dense(8), dense(1, 'sigmoid')], threeClasses, 'categoricalCrossentropy')).toContain(
      'This dataset is classification into 3 classes, so the last layer must output 3 values; it outputs 1.',
    );
  });

  it('says binary cross-entropy needs a sigmoid output', () => {
    expect(messages([dense(8), dense(1, 'relu')], binary, 'binaryCrossentropy')).toEqual([
      'Binary cross-entropy needs a sigmoid output; the last layer uses ReLU.',
    ]);
  });

  it('says when a loss does not suit the task', () => {
    expect(messages([dense(8), dense(1, 'sigmoid')], regression, 'binaryCrossentropy')).toContain(
      'Binary cross-entropy does not suit regression (predict a number).',
    );
  });

  it('refuses models with more weights than a tab can train', () => {
    expect(messages([dense(4096), dense(4096), dense(1, 'linear')], regression, 'mse')[0]).toMatch(
      /16,805,889 weights; the playground trains at most 5,000,000/,
    );
  });

  it('finds the effective output activation past dropout, not past batch normalization', () => {
    expect(outputActivation([dense(1, 'sigmoid'), { id: 'd', kind: 'dropout', rate: 0.2 }])).toBe('sigmoid');
    expect(outputActivation([dense(1, 'sigmoid'), { id: 'b', kind: 'batchNormalization' }])).toBe('linear');
    expect(outputActivation([dense(1, 'linear'), { id: 'a', kind: 'activation', activation: 'sigmoid' }])).toBe('sigmoid');
  });
});
