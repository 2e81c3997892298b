import { useMemo } from 'react';
import { coordinates, featureFunction } from '../../data/engineeredFeatures';
import type { RunState } from '../../state/runState';
import type { NeuronRef } from '../../state/viewSlice';
import type { NetColumn } from './networkLayout';
import { inputSurface, surfacePixels } from './surface';

/** Pictures keyed by node: "in:0" for input x1, "3:1" for unit 2 of the Dense layer at spec index 3. */
export type NeuronPictures = ReadonlyMap<string, Uint8ClampedArray<ArrayBuffer>>;

export const nodeKey = (node: NeuronRef): string => (node.layerIndex === null ? `in:${node.unit}` : `${node.layerIndex}:${node.unit}`);

/**
 * Every drawn node's output over the probe grid, as pixels: the inputs from
 * the grid itself, the Dense units from the worker's latest neuron probe.
 * Empty for sets without a plane.
 */
export function neuronPictures(run: RunState, columns: readonly NetColumn[], discrete: boolean): NeuronPictures {
  const pictures = new Map<string, Uint8ClampedArray<ArrayBuffer>>();
  const grid = run.data?.probeGrid;
  if (!grid) return pictures;
  const count = grid.size * grid.size;
  const { scaler, engineered } = run.data!.exportMeta;
  // Engineered inputs (x1², sin(x2)…) are computed from each cell's point as the model's inputs were.
  const inputs = engineered ? engineered.map(({ name }) => featureFunction(name)) : coordinates;
  for (const node of columns[0]?.nodes ?? []) {
    const feature = inputs[node.unit];
    if (!feature) continue;
    const values = inputSurface(grid, feature, scaler.offset[node.unit] ?? 0, scaler.scale[node.unit] ?? 1);
    pictures.set(nodeKey(node), surfacePixels(values, 0, 1, count, null, discrete));
  }
  const layers = run.probe?.result.neurons ?? [];
  for (const column of columns.slice(1)) {
    const outputs = layers.find((layer) => layer.layerIndex === column.layerIndex);
    if (!outputs || outputs.values.length !== count * outputs.units) continue;
    for (const node of column.nodes) {
      pictures.set(nodeKey(node), surfacePixels(outputs.values, node.unit, outputs.units, count, column.activation, discrete));
    }
  }
  return pictures;
}

/** neuronPictures, recomputed only when the probe, the grid or the columns change. */
export function useNeuronPictures(run: RunState, columns: readonly NetColumn[], discrete: boolean): NeuronPictures {
  const { probe, data } = run;
  // The run object changes every epoch; only these parts of it are drawn.
  return useMemo(() => neuronPictures(run, columns, discrete), [probe, data, columns, discrete]);
}
