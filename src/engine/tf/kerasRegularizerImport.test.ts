import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayerSpec } from '../../model/layers';
import { tfjsRegularizers } from '../../model/regularizers';
import { buildModel } from './buildModel';
import { deserializeModel, serializeModel } from './serialize';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const layers: LayerSpec[] = [
  { id: 'a', kind: 'dense', units: 4, activation: 'relu', kernelRegularizer: { l1: 0, l2: 0.01 } },
  { id: 'b', kind: 'dense', units: 1, activation: 'linear' },
];

/** A topology's layers, for editing as Keras 3 would have written them. */
type Topology = { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };

describe('a Keras 3 kernel_regularizer in a model file', () => {
  it('loads into tfjs as the same L1L2 penalty, where tfjs alone refuses L2 and L1', async () => {
    const model = buildModel([3], layers, 1);
    const saved = await serializeModel(model);
    model.dispose();
    const topology = JSON.parse(JSON.stringify(saved.modelTopology)) as Topology;
    const dense = topology.config.layers.find((layer) => layer.class_name === 'Dense')!;
    dense.config.kernel_regularizer = { module: 'keras.regularizers', class_name: 'L2', config: { l2: 0.01 } };
    const keras3 = { ...saved, modelTopology: topology as unknown as Record<string, unknown> };
    // tfjs on its own does not know Keras 3's class.
    await expect(tf.loadLayersModel(tf.io.fromMemory({ modelTopology: keras3.modelTopology, weightSpecs: keras3.weightSpecs, weightData: keras3.weightData }))).rejects.toThrow(/L2/);
    const loaded = await deserializeModel(keras3);
    const config = loaded.layers[0]!.getConfig() as { kernelRegularizer?: { className: string; config: { l1: number; l2: number } } };
    expect(config.kernelRegularizer?.className).toBe('L1L2');
    expect(config.kernelRegularizer?.config.l2).toBeCloseTo(0.01, 8);
    expect(config.kernelRegularizer?.config.l1).toBe(0);
    loaded.dispose();
  });

  it('rewrites L1 and L2 only, and leaves the input alone', () => {
    const input = { layers: [{ config: { kernel_regularizer: { class_name: 'L1', config: { l1: 0.2 } } } }, { config: { kernel_regularizer: { class_name: 'L1L2', config: { l1: 0, l2: 1 } } } }] };
    const out = tfjsRegularizers(input);
    expect(out.layers[0]!.config.kernel_regularizer).toEqual({ class_name: 'L1L2', config: { l1: 0.2, l2: 0 } });
    expect(out.layers[1]!.config.kernel_regularizer).toEqual({ class_name: 'L1L2', config: { l1: 0, l2: 1 } });
    expect(input.layers[0]!.config.kernel_regularizer.class_name).toBe('L1');
  });
});
