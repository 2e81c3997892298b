import { describe, expect, it } from 'vitest';
import { layerCode } from './file/kerasScript';
import { topologyToLayers } from './file/topology';
import { readKerasCode } from './kerasCode';
import { kindOf } from './layerKinds';
import type { LayerSpec } from './layers';
import { hiddenKernelIndices, penaltyName, readTopologyRegularizer, regularizationOf, setRegularization } from './regularizers';

const dense = (id: string, units = 8, extra: Partial<LayerSpec> = {}): LayerSpec => ({ id, kind: 'dense', units, activation: 'relu', ...extra }) as LayerSpec;
const conv: LayerSpec = { id: 'c', kind: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' };
const base: LayerSpec[] = [conv, { id: 'f', kind: 'flatten' }, dense('a'), { id: 'd', kind: 'dropout', rate: 0.3 }, dense('b'), dense('out', 1)];

describe('the Regularization select', () => {
  it('acts on every Conv2D and every Dense but the output', () => {
    expect(hiddenKernelIndices(base)).toEqual([0, 2, 4]);
  });

  it('sets L2 or L1 at a rate on the hidden layers and reads the choice back; None removes it', () => {
    const l2 = setRegularization(base, 'l2', 0.01);
    expect(l2.map((layer) => ('kernelRegularizer' in layer ? layer.kernelRegularizer : undefined))).toEqual([
      { l1: 0, l2: 0.01 },
      undefined,
      { l1: 0, l2: 0.01 },
      undefined,
      { l1: 0, l2: 0.01 },
      undefined,
    ]);
    expect(regularizationOf(l2)).toEqual({ choice: 'l2', rate: 0.01 });
    expect(regularizationOf(setRegularization(l2, 'l1', 0.3))).toEqual({ choice: 'l1', rate: 0.3 });
    const none = setRegularization(l2, 'none', 0.01);
    expect(none).toEqual(base);
    expect(regularizationOf(none)).toEqual({ choice: 'none', rate: null });
  });

  it('says "custom" when the layers were set one by one and disagree, and names what the stack penalizes', () => {
    const mixed = base.map((layer) => (layer.id === 'a' ? { ...layer, kernelRegularizer: { l1: 0.001, l2: 0.01 } } : layer)) as LayerSpec[];
    expect(regularizationOf(mixed).choice).toBe('custom');
    expect(penaltyName(mixed)).toBe('L1 and L2');
    expect(penaltyName(base)).toBeNull();
    // The output layer's own penalty is left alone by the select and does not count for it.
    const onOutput = base.map((layer) => (layer.id === 'out' ? { ...layer, kernelRegularizer: { l1: 0, l2: 0.5 } } : layer)) as LayerSpec[];
    expect(regularizationOf(onOutput).choice).toBe('none');
    expect(setRegularization(onOutput, 'none', 0).at(-1)).toEqual(onOutput.at(-1));
  });

  it('is checked by validation and shown in the layer’s description', () => {
    expect(kindOf(dense('a', 8, { kernelRegularizer: { l1: 0, l2: -1 } })).check(dense('a', 8, { kernelRegularizer: { l1: 0, l2: -1 } }))).toEqual([
      'The L2 penalty must be a number from 0 to 10 (it is -1).',
    ]);
    const layer = dense('a', 8, { kernelRegularizer: { l1: 0, l2: 0.01 } });
    expect(kindOf(layer).describe(layer)).toBe('Dense 8, ReLU, L2 0.01');
  });
});

describe('the penalty in Keras code', () => {
  it('is written in the exported script as the course writes it', () => {
    expect(layerCode(dense('a', 8, { kernelRegularizer: { l1: 0, l2: 0.01 } }), [2])).toBe(
      'layers.Dense(units=8, activation="relu", kernel_regularizer=keras.regularizers.l2(0.01), input_shape=[2])',
    );
    expect(layerCode(dense('a', 8, { kernelRegularizer: { l1: 0.001, l2: 0 } }), null)).toContain('kernel_regularizer=keras.regularizers.l1(0.001)');
    expect(layerCode({ ...conv, kernelRegularizer: { l1: 0.1, l2: 0.2 } } as LayerSpec, null)).toContain('kernel_regularizer=keras.regularizers.l1_l2(l1=0.1, l2=0.2)');
    expect(layerCode(dense('a'), null)).not.toContain('regularizer');
  });

  it('is read back from pasted code in each of Keras’s forms, with Keras 3’s defaults', () => {
    const reading = readKerasCode(`
model = keras.Sequential([
    layers.Dense(64, activation='relu', kernel_regularizer=keras.regularizers.l2(0.01), input_shape=[2]),
    layers.Dense(64, activation='relu', kernel_regularizer=regularizers.l1(l1=0.001)),
    layers.Dense(64, activation='relu', kernel_regularizer=keras.regularizers.l1_l2(l1=0.01, l2=0.02)),
    layers.Dense(64, activation='relu', kernel_regularizer='l2'),
    layers.Dense(64, activation='relu', kernel_regularizer=keras.regularizers.L2()),
    layers.Dense(64, activation='relu', kernel_regularizer=None),
    layers.Dense(1, activation='sigmoid', kernel_regularizer=keras.regularizers.OrthogonalRegularizer(0.1)),
])`);
    expect(reading.layers.map((layer) => ('kernelRegularizer' in layer ? layer.kernelRegularizer : undefined))).toEqual([
      { l1: 0, l2: 0.01 },
      { l1: 0.001, l2: 0 },
      { l1: 0.01, l2: 0.02 },
      { l1: 0, l2: 0.01 },
      { l1: 0, l2: 0.01 },
      undefined,
      undefined,
    ]);
    expect(reading.problems).toEqual([{ line: 9, message: expect.stringContaining('OrthogonalRegularizer') }]);
  });
});

describe('the penalty in a model file’s topology', () => {
  it('reads tfjs’s L1L2 and Keras 3’s L1 and L2, and refuses what it cannot build', () => {
    expect(readTopologyRegularizer({ class_name: 'L1L2', config: { l1: 0, l2: 0.01 } })).toEqual({ l1: 0, l2: 0.01 });
    expect(readTopologyRegularizer({ module: 'keras.regularizers', class_name: 'L2', config: { l2: 0.05 }, registered_name: null })).toEqual({ l1: 0, l2: 0.05 });
    expect(readTopologyRegularizer({ class_name: 'L1', config: { l1: 0.2 } })).toEqual({ l1: 0.2, l2: 0 });
    expect(readTopologyRegularizer(null)).toBeNull();
    expect(readTopologyRegularizer({ class_name: 'L1L2', config: { l1: 0, l2: 0 } })).toBeNull();
    expect(readTopologyRegularizer({ class_name: 'OrthogonalRegularizer', config: {} })).toMatch(/L1, L2 and L1L2/);
    expect(readTopologyRegularizer({ class_name: 'L2', config: { l2: 'x' } })).toMatch(/from 0 to 10/);
  });

  it('keeps the penalty of a Dense layer when the model is read', () => {
    const topology = {
      class_name: 'Sequential',
      config: {
        layers: [
          { class_name: 'Dense', config: { units: 4, activation: 'relu', batch_input_shape: [null, 2], kernel_regularizer: { class_name: 'L1L2', config: { l1: 0, l2: 0.01 } } } },
          { class_name: 'Dense', config: { units: 1, activation: 'sigmoid', kernel_regularizer: null } },
        ],
      },
    };
    const read = topologyToLayers(topology);
    expect(read.ok && read.layers.map((layer) => ('kernelRegularizer' in layer ? layer.kernelRegularizer : undefined))).toEqual([{ l1: 0, l2: 0.01 }, undefined]);
  });
});
