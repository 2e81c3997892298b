import { describe, expect, it } from 'vitest';
import type { LayerSpec } from './layers';
import { summarize } from './summary';
import { validateModel } from './validate';
import { conv2d, maxPool } from '../testing/fixtures';

let n = 0;
const id = () => `l${++n}`;
const conv = conv2d;
const pool = maxPool;
const flatten = (): LayerSpec => ({ id: id(), kind: 'flatten' });
const dense = (units: number, activation: 'relu' | 'softmax' = 'relu'): LayerSpec => ({ id: id(), kind: 'dense', units, activation });

describe('convolution layers match Keras', () => {
  it('the benchmark CNN on 28×28×1: shapes and 27,562 parameters', () => {
    // Keras: Conv2D(8,3) → (26,26,8) 80; MaxPool 2 → (13,13,8); Conv2D(16,3) → (11,11,16) 1,168;
    // MaxPool 2 → (5,5,16); Flatten → 400; Dense 64 → 25,664; Dense 10 → 650.
    const summary = summarize([28, 28, 1], [conv(8, 3), pool(), conv(16, 3), pool(), flatten(), dense(64), dense(10, 'softmax')]);
    expect(summary.rows.map((row) => row.outputShape)).toEqual([[26, 26, 8], [13, 13, 8], [11, 11, 16], [5, 5, 16], [400], [64], [10]]);
    expect(summary.rows.map((row) => row.params.trainable)).toEqual([80, 0, 1168, 0, 0, 25664, 650]);
    expect(summary.totalParams).toBe(27_562);
    expect(summary.rows.map((row) => row.name)).toEqual([
      'conv2d',
      'max_pooling2d',
      'conv2d_1',
      'max_pooling2d_1',
      'flatten',
      'dense',
      'dense_1',
    ]);
  });

  it('"same" padding keeps the size at stride 1 and rounds up at stride 2', () => {
    expect(summarize([8, 8, 1], [conv(16, 3, 'same')]).outputShape).toEqual([8, 8, 16]);
    expect(summarize([7, 7, 3], [conv(4, 3, 'same', 2)]).outputShape).toEqual([4, 4, 4]);
    expect(summarize([7, 7, 3], [conv(4, 3, 'valid', 2)]).outputShape).toEqual([3, 3, 4]);
    // 3·3·3·4 + 4
    expect(summarize([7, 7, 3], [conv(4, 3, 'valid', 2)]).totalParams).toBe(112);
  });

  it('pooling floors odd sizes, as Keras does', () => {
    expect(summarize([5, 5, 2], [pool(2)]).outputShape).toEqual([2, 2, 2]);
    expect(summarize([9, 9, 1], [pool(3)]).outputShape).toEqual([3, 3, 1]);
  });

  it('explains a convolution on a vector and an image-shaped output', () => {
    const onVector = validateModel({ inputShape: [64], layers: [conv(4, 3), flatten(), dense(10, 'softmax')] }, { kind: 'multiclass', numClasses: 10 }, 'categoricalCrossentropy');
    expect(onVector[0]!.message).toMatch(/Conv2D needs an image input \(height × width × channels\), but gets \(None, 64\)/);
    const noFlatten = validateModel({ inputShape: [8, 8, 1], layers: [conv(4, 3), dense(10, 'softmax')] }, { kind: 'multiclass', numClasses: 10 }, 'categoricalCrossentropy');
    expect(noFlatten.map((i) => i.message)).toContain(
      'The last layer outputs (None, 6, 6, 10), an image of features; add a Flatten layer before the output Dense layer.',
    );
  });

  it('turns away a Flatten on a vector, which tfjs cannot build', () => {
    const issues = validateModel({ inputShape: [3], layers: [flatten(), dense(1)] }, { kind: 'regression' }, 'mse');
    expect(issues).toEqual([
      { layerIndex: 0, message: 'Layer 1: Flatten needs an image of features (height × width × channels) or a sequence (steps × features), but gets (None, 3), which is already flat. Remove the Flatten layer.' },
    ]);
    // After a layer that already flattened, too.
    const twice = validateModel({ inputShape: [4, 4, 1], layers: [flatten(), flatten(), dense(1)] }, { kind: 'regression' }, 'mse');
    expect(twice.map((i) => i.layerIndex)).toEqual([1]);
  });

  it('says when a kernel is larger than its input', () => {
    const issues = validateModel({ inputShape: [4, 4, 1], layers: [conv(2, 5), flatten(), dense(2, 'softmax')] }, { kind: 'multiclass', numClasses: 2 }, 'categoricalCrossentropy');
    expect(issues[0]!.message).toMatch(/5×5 kernel does not fit in a 4×4 input/);
  });
});
