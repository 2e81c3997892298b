import { describe, expect, it } from 'vitest';
import { accuracy, classIndices, confusionMatrix, meanAbsoluteError } from './evaluation';

describe('evaluation of predictions', () => {
  it('uses the 0.5 threshold for binary outputs', () => {
    expect(Array.from(classIndices([0.1, 0.5, 0.49, 0.9], { kind: 'binary' }))).toEqual([0, 1, 0, 1]);
  });

  it('takes the largest output for several classes', () => {
    const softmax = [0.1, 0.7, 0.2, 0.5, 0.3, 0.2];
    expect(Array.from(classIndices(softmax, { kind: 'multiclass', numClasses: 3 }))).toEqual([1, 0]);
  });

  it('counts actual × predicted, and accuracy is its diagonal share', () => {
    const actual = Uint8Array.from([0, 0, 1, 1, 2]);
    const predicted = Uint8Array.from([0, 1, 1, 1, 0]);
    expect(confusionMatrix(actual, predicted, 3)).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 0],
    ]);
    expect(accuracy(actual, predicted)).toBeCloseTo(0.6);
  });

  it('computes the mean absolute error', () => {
    expect(meanAbsoluteError([1, 2, 3], [2, 2, 1])).toBeCloseTo(1);
  });
});
