import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../../model/layers';
import { denseWeights, networkColumns, networkLinks, SHOWN_UNITS } from './networkLayout';

const layers: LayerSpec[] = [
  { id: 'a', kind: 'dense', units: 3, activation: 'tanh' },
  { id: 'b', kind: 'dropout', rate: 0.25 },
  { id: 'c', kind: 'batchNormalization' },
  { id: 'd', kind: 'dense', units: 40, activation: 'relu' },
  { id: 'e', kind: 'dense', units: 1, activation: 'sigmoid' },
];

describe('the network diagram’s layout', () => {
  it('has a column of inputs and one per Dense layer, with the layers after a Dense layer as its marks', () => {
    const columns = networkColumns(layers, ['x1', 'x2'], new Set());
    expect(columns.map((c) => c.title)).toEqual(['Inputs', 'Dense 1', 'Dense 2', 'Dense 3']);
    expect(columns[0]!.nodes.map((n) => n.imageName)).toEqual(['Input x1', 'Input x2']);
    expect(columns[1]!.nodes.map((n) => n.imageName)).toEqual(['Neuron 1.1 output', 'Neuron 1.2 output', 'Neuron 1.3 output']);
    expect(columns[1]!.marks).toEqual(['Dropout 25 %', 'BatchNorm']);
    expect(columns[2]!.size).toBe(40);
    expect(columns[2]!.nodes).toHaveLength(SHOWN_UNITS);
    expect(networkColumns(layers, ['x1', 'x2'], new Set([3]))[2]!.nodes).toHaveLength(40);
  });

  it('reads each link’s weight from the kernel (inputs × units, row-major)', () => {
    const small: LayerSpec[] = [
      { id: 'a', kind: 'dense', units: 2, activation: 'tanh' },
      { id: 'b', kind: 'dense', units: 1, activation: 'linear' },
    ];
    const layout = [
      { layerIndex: 0, name: 'kernel', shape: [2, 2] },
      { layerIndex: 0, name: 'bias', shape: [2] },
      { layerIndex: 1, name: 'kernel', shape: [2, 1] },
      { layerIndex: 1, name: 'bias', shape: [1] },
    ];
    const flat = Float32Array.of(1, 2, 3, 4, 0.1, 0.2, 5, 6, 0.3);
    const weights = denseWeights(layout, flat);
    expect(Array.from(weights.get(0)!.bias)).toEqual([Math.fround(0.1), Math.fround(0.2)]);
    const links = networkLinks(networkColumns(small, ['x1', 'x2'], new Set()), weights);
    expect(links.map((l) => [l.column, l.from, l.to, l.weight])).toEqual([
      [1, 0, 0, 1],
      [1, 0, 1, 2],
      [1, 1, 0, 3],
      [1, 1, 1, 4],
      [2, 0, 0, 5],
      [2, 1, 0, 6],
    ]);
  });
});
