import { describe, expect, it } from 'vitest';
import { applyFeatures, featureFormulas, featureProblems, featureValue, inputFeatures, orderedFeatures, planeCoordinates, pointInputs } from './engineeredFeatures';
import { planeGrid } from './grid';
import { fitScaler } from './scaler';
import { generate } from './synthetic';
import type { Table } from './table';

/** Three points on the plane, labelled 0, 1, 0. */
const points: Table = {
  featureNames: ['x1', 'x2'],
  targetName: 'label',
  features: new Float32Array([1, 2, -3, 0.5, 0, -1]),
  targets: new Float32Array([0, 1, 0]),
  numRows: 3,
  task: { kind: 'binary' },
  modality: 'plane',
  classNames: ['0', '1'],
};

describe('engineered input features', () => {
  it('compute each feature from the point, sin in radians', () => {
    const at = (name: (typeof inputFeatures)[number]) => featureValue(name, 3, -2);
    expect(inputFeatures).toEqual(['x1', 'x2', 'x1²', 'x2²', 'x1·x2', 'sin(x1)', 'sin(x2)']);
    expect([at('x1'), at('x2'), at('x1²'), at('x2²'), at('x1·x2')]).toEqual([3, -2, 9, 4, -6]);
    expect(at('sin(x1)')).toBeCloseTo(0.14112, 5);
    expect(at('sin(x2)')).toBeCloseTo(-0.909297, 5);
  });

  it('turn the two coordinates into the chosen columns, in the checkboxes’ order, keeping the points', () => {
    const table = applyFeatures(points, ['x2²', 'x1²', 'x1·x2']);
    expect(table.featureNames).toEqual(['x1²', 'x2²', 'x1·x2']);
    expect(Array.from(table.features)).toEqual([1, 4, 2, 9, 0.25, -1.5, 0, 1, -0]);
    expect(table.featureKinds).toEqual(['numeric', 'numeric', 'numeric']);
    expect(table.targets).toBe(points.targets);
    expect(table.modality).toBe('plane');
    // What draws the points, or a grid over them, still finds them.
    expect(planeCoordinates(table)).toBe(points.features);
    expect(planeCoordinates(points)).toBe(points.features);
    expect(featureFormulas(table)).toEqual([
      { name: 'x1²', formula: 'x1 * x1' },
      { name: 'x2²', formula: 'x2 * x2' },
      { name: 'x1·x2', formula: 'x1 * x2' },
    ]);
  });

  it('leave the plain x1, x2 (and tables that are not plain 2-D ones) as they are', () => {
    expect(applyFeatures(points, ['x2', 'x1'])).toBe(points);
    expect(featureFormulas(points)).toBeNull();
    const engineered = applyFeatures(points, ['x1²']);
    expect(applyFeatures(engineered, ['x1', 'x2', 'sin(x1)'])).toBe(engineered);
    const tabular: Table = { ...points, modality: 'tabular' };
    expect(applyFeatures(tabular, ['x1²'])).toBe(tabular);
  });

  it('keep a single one, or x1 alone, as a column of its own', () => {
    const sine = applyFeatures(points, ['sin(x2)']);
    expect(sine.featureNames).toEqual(['sin(x2)']);
    expect(Array.from(sine.features)).toEqual([2, 0.5, -1].map((x2) => Math.fround(Math.sin(x2))));
    expect(Array.from(applyFeatures(points, ['x1']).features)).toEqual([1, -3, 0]);
    expect(orderedFeatures(['sin(x1)', 'x1', 'sin(x1)'])).toEqual(['x1', 'sin(x1)']);
  });

  it('refuse to train with none ticked, in words', () => {
    const none = applyFeatures(points, []);
    expect(none.featureNames).toEqual([]);
    expect(featureProblems(none)).toEqual(['No input feature is ticked: tick at least one under "Input features" (x1 and x2 are the point itself).']);
    expect(featureProblems(points)).toEqual([]);
    expect(featureProblems(applyFeatures(points, ['x1·x2']))).toEqual([]);
  });

  it('give the functions of the point that rebuild a row', () => {
    const table = applyFeatures(points, ['x2', 'x1²', 'sin(x1)']);
    const row = pointInputs(table).map((f) => f(-3, 0.5));
    expect(row.map(Math.fround)).toEqual(Array.from(table.features.subarray(3, 6)));
    expect(pointInputs(points).map((f) => f(7, 8))).toEqual([7, 8]);
    expect(() => pointInputs({ featureNames: ['cement'], plane: points.features })).toThrow('"cement" is not a feature computed from the point.');
  });
});

describe('the grid over an engineered 2-D set', () => {
  const circle = generate('circle', { numPoints: 200, noise: 0.1, seed: 4 });
  const table = applyFeatures(circle, ['x1²', 'x2²', 'sin(x1)']);
  const rows = Array.from({ length: table.numRows }, (_, i) => i);
  const scaler = fitScaler('standard', table.features, 3, rows);

  it('spans the points themselves, as the plain set’s grid does', () => {
    const plain = planeGrid(circle, fitScaler('standard', circle.features, 2, rows), 8);
    expect(planeGrid(table, scaler, 8).spec).toEqual(plain.spec);
  });

  it('feeds each cell centre through the same features, then the same scaler', () => {
    const { spec, inputs } = planeGrid(table, scaler, 8);
    expect(inputs).toHaveLength(8 * 8 * 3);
    // Row 2, column 5: the centre of that cell, turned into x1², x2², sin(x1) and scaled as the training rows were.
    const x = spec.xMin + (5.5 / 8) * (spec.xMax - spec.xMin);
    const y = spec.yMax - (2.5 / 8) * (spec.yMax - spec.yMin);
    const expected = [x * x, y * y, Math.sin(x)].map((v, c) => (v - scaler.offset[c]!) / scaler.scale[c]!);
    const cell = Array.from(inputs.subarray((2 * 8 + 5) * 3, (2 * 8 + 5) * 3 + 3));
    cell.forEach((v, c) => expect(v).toBeCloseTo(expected[c]!, 5));
  });
});
