import type { WeightSlot } from '../../engine/protocol';
import type { LayerSpec } from '../../model/layers';

/**
 * The network diagram as columns of nodes and the links between them: the
 * inputs (whatever feeds the first Dense layer), then one column per Dense
 * layer, with the layers that follow a Dense layer (Dropout, batch
 * normalization, Activation) as marks on it. Pure, so it is tested as it is.
 */

/** A node: an input feature or a unit of a Dense layer. */
export interface NetNode {
  /** Index of the Dense layer in the spec; null for an input. */
  layerIndex: number | null;
  /** 0-based unit or input feature. */
  unit: number;
  /** "x1", "cement", "1.2": the Dense layer counted from 1, then the unit from 1. */
  label: string;
  /** The name of the neuron's picture: "Input x1", "Neuron 1.2 output". */
  imageName: string;
}

export interface NetColumn {
  /** Index of the Dense layer in the spec; null for the inputs. */
  layerIndex: number | null;
  title: string;
  /** The activation of a Dense layer, after its marks' Activation if there is one. */
  activation: string | null;
  /** Layers that act on this one's outputs before the next Dense layer: "Dropout 50 %", "BatchNorm", "relu". */
  marks: string[];
  /** Units in all, and the first ones drawn. */
  size: number;
  nodes: NetNode[];
}

/** Columns wider than this show their first units and "+N more". */
export const SHOWN_UNITS = 16;

/** The columns of a layer stack whose Dense layers take flat inputs; `expanded` holds the layerIndex (or -1 for the inputs) of columns shown whole. */
export function networkColumns(layers: readonly LayerSpec[], inputNames: readonly string[], expanded: ReadonlySet<number>): NetColumn[] {
  const firstDense = layers.findIndex((layer) => layer.kind === 'dense');
  const inputSize = inputNames.length;
  const shown = (size: number, key: number) => (expanded.has(key) ? size : Math.min(size, SHOWN_UNITS));
  const columns: NetColumn[] = [];
  const inputsTitle = firstDense > 0 && layers.slice(0, firstDense).some((layer) => layer.kind === 'flatten') ? 'Flattened inputs' : 'Inputs';
  columns.push({
    layerIndex: null,
    title: inputsTitle,
    activation: null,
    marks: [],
    size: inputSize,
    nodes: Array.from({ length: shown(inputSize, -1) }, (_, i) => {
      const name = inputNames[i] ?? `x${i + 1}`;
      return { layerIndex: null, unit: i, label: name, imageName: `Input ${name}` };
    }),
  });
  let dense = 0;
  layers.forEach((layer, index) => {
    const current = columns[columns.length - 1]!;
    if (layer.kind === 'dense') {
      dense++;
      const number = dense;
      columns.push({
        layerIndex: index,
        title: `Dense ${number}`,
        activation: layer.activation,
        marks: [],
        size: layer.units,
        nodes: Array.from({ length: shown(layer.units, index) }, (_, u) => ({
          layerIndex: index,
          unit: u,
          label: `${number}.${u + 1}`,
          imageName: `Neuron ${number}.${u + 1} output`,
        })),
      });
      return;
    }
    if (current.layerIndex === null) return;
    if (layer.kind === 'dropout') current.marks.push(`Dropout ${Math.round(layer.rate * 100)} %`);
    else if (layer.kind === 'batchNormalization') current.marks.push('BatchNorm');
    else if (layer.kind === 'activation') current.marks.push(layer.activation);
  });
  return columns;
}

/** A link from a node of one column to a node of the next, with its weight. */
export interface NetLink {
  /** Column of the link's end (its start is in the column before). */
  column: number;
  from: number;
  to: number;
  weight: number;
}

/** The kernel and bias of each Dense layer in the flat weights readout, by spec index. */
export function denseWeights(layout: readonly WeightSlot[], flat: Float32Array): Map<number, { kernel: Float32Array; bias: Float32Array; inputs: number }> {
  const found = new Map<number, { kernel?: Float32Array; bias?: Float32Array; inputs: number }>();
  let offset = 0;
  for (const slot of layout) {
    const size = slot.shape.reduce((a, b) => a * b, 1);
    const values = flat.subarray(offset, offset + size);
    offset += size;
    if (slot.shape.length === 2 && slot.name === 'kernel') found.set(slot.layerIndex, { ...found.get(slot.layerIndex), kernel: values, inputs: slot.shape[0]! });
    if (slot.shape.length === 1 && slot.name === 'bias' && found.has(slot.layerIndex)) found.get(slot.layerIndex)!.bias = values;
  }
  const result = new Map<number, { kernel: Float32Array; bias: Float32Array; inputs: number }>();
  for (const [index, entry] of found) if (entry.kernel && entry.bias) result.set(index, { kernel: entry.kernel, bias: entry.bias, inputs: entry.inputs });
  return result;
}

/** Every link between drawn nodes, with its weight from the kernels. */
export function networkLinks(columns: readonly NetColumn[], weights: ReturnType<typeof denseWeights>): NetLink[] {
  const links: NetLink[] = [];
  columns.forEach((column, c) => {
    if (c === 0 || column.layerIndex === null) return;
    const w = weights.get(column.layerIndex);
    if (!w) return;
    const units = column.size;
    for (const from of columns[c - 1]!.nodes) {
      for (const to of column.nodes) links.push({ column: c, from: from.unit, to: to.unit, weight: w.kernel[from.unit * units + to.unit]! });
    }
  });
  return links;
}
