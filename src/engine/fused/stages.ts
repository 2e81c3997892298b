import type { ActivationName } from '../../model/activations';
import type { LayerSpec, Shape } from '../../model/layers';
import { aligned } from './kernels';

/*
 * The stages a layer stack compiles to in the JavaScript engine (a Dense
 * layer with an activation becomes two), with the buffers each keeps for
 * its backward pass, and which stacks the engine can run at all.
 */

/**
 * Whether the fused engine can run this model: dense layers, dropout, batch
 * normalization and activations on flat inputs, and convolutions, max
 * pooling, activations and dropout on images (height × width × channels)
 * up to a Flatten.
 */
export function canFuse(inputShape: Shape, layers: readonly LayerSpec[]): boolean {
  if (layers.length === 0 || (inputShape.length !== 1 && inputShape.length !== 3)) return false;
  let image = inputShape.length === 3;
  for (const layer of layers) {
    switch (layer.kind) {
      case 'conv2d':
      case 'maxPooling2d':
        if (!image) return false;
        break;
      case 'flatten':
        if (!image) return false;
        image = false;
        break;
      case 'dense':
      case 'batchNormalization':
        if (image) return false;
        break;
      case 'activation':
        // Softmax on an image works per pixel in tfjs; the engine's works per row.
        if (image && layer.activation === 'softmax') return false;
        break;
      case 'dropout':
        break;
      // Recurrent layers (a loop over steps with its own backward pass through time) and
      // sequence pooling are left to tfjs; a sequence input is already refused above.
      case 'simpleRnn':
      case 'lstm':
      case 'gru':
      case 'globalAveragePooling1D':
        return false;
    }
    if ((layer.kind === 'conv2d' || layer.kind === 'dense') && image && layer.activation === 'softmax') return false;
  }
  return true;
}

/** One trainable array and its gradient, in tfjs's weight order. */
export interface Param {
  value: Float32Array;
  grad: Float32Array;
}

export interface DenseStage {
  kind: 'dense';
  inSize: number;
  size: number;
  kernel: Param;
  bias: Param;
}
export interface ActivationStage {
  kind: 'activation';
  size: number;
  activation: ActivationName;
}
export interface DropoutStage {
  kind: 'dropout';
  size: number;
  rate: number;
  mask: Float32Array;
}
export interface NormStage {
  kind: 'batchNormalization';
  size: number;
  gamma: Param;
  beta: Param;
  movingMean: Float32Array;
  movingVariance: Float32Array;
  /** Per-batch caches for the backward pass. */
  normalized: Float32Array;
  invStd: Float64Array;
}
/** Conv2D as im2col: each output pixel's patch is a row, multiplied by the kernel like a dense layer. */
export interface ConvStage {
  kind: 'conv2d';
  size: number;
  inH: number;
  inW: number;
  inC: number;
  outH: number;
  outW: number;
  filters: number;
  kernelSize: number;
  stride: number;
  /** Rows and columns of zero padding before the image ('same'); 0 for 'valid'. */
  padTop: number;
  padLeft: number;
  kernel: Param;
  bias: Param;
  /** The batch's patches, batchSize × outH·outW × kernelSize²·inC, kept for the backward pass. */
  patches: Float32Array;
  /** The batch's patches' gradients, as large as `patches`. */
  patchGrad: Float32Array;
}
export interface PoolStage {
  kind: 'maxPooling2d';
  size: number;
  inH: number;
  inW: number;
  channels: number;
  outH: number;
  outW: number;
  pool: number;
  /** Index in the input of each output's maximum, for the backward pass. */
  argmax: Int32Array;
}
export interface FlattenStage {
  kind: 'flatten';
  size: number;
}
export type Stage = DenseStage | ActivationStage | DropoutStage | NormStage | ConvStage | PoolStage | FlattenStage;

/** Makes the arrays the kernels work on (see kernels.ts): weights, their gradients, a convolution's patches, pooling's argmax. */
export interface Alloc {
  floats(length: number): Float32Array;
  ints(length: number): Int32Array;
}
const plain: Alloc = { floats: (length) => new Float32Array(length), ints: (length) => new Int32Array(length) };

export function compile(inputShape: Shape, layers: readonly LayerSpec[], batchSize: number): Stage[] {
  return compileLayers(inputShape, layers, batchSize).stages;
}

/**
 * The stages of a layer stack, their arrays from `alloc`, and for each layer
 * of the spec how many stages there are up to and including it (`ends[i]`:
 * the stage whose output is layer i's output is `ends[i] − 1`; a layer may
 * make no stage, a linear Activation); `paramFloats` is the floats of one
 * array per weight tensor (each rounded up to whole SIMD blocks), what an
 * optimizer's state takes per slot.
 */
export function compileLayers(inputShape: Shape, layers: readonly LayerSpec[], batchSize: number, alloc: Alloc = plain): { stages: Stage[]; ends: number[]; paramFloats: number } {
  let paramFloats = 0;
  const param = (size: number): Param => {
    paramFloats += aligned(size);
    return { value: alloc.floats(size), grad: alloc.floats(size) };
  };
  const stages: Stage[] = [];
  const ends: number[] = [];
  let shape: number[] = [...inputShape];
  let size = shape.reduce((a, b) => a * b, 1);
  for (const layer of layers) {
    switch (layer.kind) {
      case 'conv2d': {
        const [inH, inW, inC] = shape as [number, number, number];
        const k = layer.kernelSize;
        const stride = layer.strides;
        const same = layer.padding === 'same';
        // Keras's output size and padding: 'same' pads evenly, the extra row or column after.
        const outH = same ? Math.ceil(inH / stride) : Math.floor((inH - k) / stride) + 1;
        const outW = same ? Math.ceil(inW / stride) : Math.floor((inW - k) / stride) + 1;
        const padTop = same ? Math.floor(Math.max((outH - 1) * stride + k - inH, 0) / 2) : 0;
        const padLeft = same ? Math.floor(Math.max((outW - 1) * stride + k - inW, 0) / 2) : 0;
        const patch = k * k * inC;
        shape = [outH, outW, layer.filters];
        size = outH * outW * layer.filters;
        stages.push({
          kind: 'conv2d',
          size,
          inH,
          inW,
          inC,
          outH,
          outW,
          filters: layer.filters,
          kernelSize: k,
          stride,
          padTop,
          padLeft,
          kernel: param(patch * layer.filters),
          bias: param(layer.filters),
          patches: alloc.floats(batchSize * outH * outW * patch),
          patchGrad: alloc.floats(batchSize * outH * outW * patch),
        });
        if (layer.activation !== 'linear') stages.push({ kind: 'activation', size, activation: layer.activation });
        break;
      }
      case 'maxPooling2d': {
        const [inH, inW, channels] = shape as [number, number, number];
        const pool = layer.poolSize;
        const outH = Math.floor((inH - pool) / pool) + 1;
        const outW = Math.floor((inW - pool) / pool) + 1;
        shape = [outH, outW, channels];
        size = outH * outW * channels;
        stages.push({ kind: 'maxPooling2d', size, inH, inW, channels, outH, outW, pool, argmax: alloc.ints(batchSize * size) });
        break;
      }
      case 'flatten':
        // Row-major height × width × channels is already the order tfjs flattens in.
        shape = [size];
        stages.push({ kind: 'flatten', size });
        break;
      case 'dense':
        stages.push({ kind: 'dense', inSize: size, size: layer.units, kernel: param(size * layer.units), bias: param(layer.units) });
        size = layer.units;
        if (layer.activation !== 'linear') stages.push({ kind: 'activation', size, activation: layer.activation });
        break;
      case 'activation':
        if (layer.activation !== 'linear') stages.push({ kind: 'activation', size, activation: layer.activation });
        break;
      case 'dropout':
        stages.push({ kind: 'dropout', size, rate: layer.rate, mask: new Float32Array(batchSize * size) });
        break;
      case 'batchNormalization':
        stages.push({
          kind: 'batchNormalization',
          size,
          gamma: param(size),
          beta: param(size),
          movingMean: new Float32Array(size),
          movingVariance: new Float32Array(size),
          normalized: new Float32Array(batchSize * size),
          invStd: new Float64Array(size),
        });
        break;
      case 'simpleRnn':
      case 'lstm':
      case 'gru':
      case 'globalAveragePooling1D':
        throw new Error(`The JavaScript engine cannot run a ${layer.kind} layer (canFuse refuses it); tfjs trains it.`);
    }
    ends.push(stages.length);
  }
  return { stages, ends, paramFloats };
}
