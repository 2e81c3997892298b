import type { KernelRegularizer, LayerSpec, Shape } from '../../model/layers';
import { addPenaltyGradient, isPenalized, kernelPenalty, penaltyOf } from '../../model/regularizers';
import { createRng } from '../../data/rng';
import { activate, activateBackward } from './activations';
import { dropoutForward } from './dense';
import { aligned, scalarKernels, type Kernels } from './kernels';
import { compileLayers, type Param, type Stage } from './stages';

/**
 * A network trained in plain JavaScript over Float32Arrays: the
 * "fused" engine. For the small models people build while learning,
 * each tfjs operation's fixed cost (tens of microseconds) dwarfs the
 * arithmetic, so one loop per layer over preallocated buffers runs many
 * times faster than any tfjs backend. It follows tfjs's definitions exactly
 * (forward pass, gradients, losses, metrics, optimizers; see optimizer.ts),
 * so a run here and a run on tfjs from the same weights agree to float
 * rounding, and the weights go back into a tfjs model for export.
 */

/** Keras's BatchNormalization defaults, as buildModel sets them. */
const BN_MOMENTUM = 0.99;
const BN_EPSILON = 1e-3;

/** A dense network's weights and its forward and backward passes, for one batch size. */
export class FusedNet {
  private readonly stages: Stage[];
  /** For each layer of the spec, the number of stages up to and including it (see compileLayers). */
  private readonly layerEnds: number[];
  /** Activations: [input, output of stage 0, ...], each batchSize rows. */
  private readonly outputs: Float32Array[];
  /** Buffers for inference, so predicting does not disturb the training pass's activations. */
  private readonly scratch: Float32Array[];
  /** Gradients with respect to each stage's output, batchSize rows. */
  private readonly grads: Float32Array[];
  /** State of the generator that draws dropout masks, seeded per run. */
  private dropoutState: number;
  readonly outputSize: number;
  /** Trainable arrays, in tfjs's trainable-weight order. */
  readonly params: Param[];

  readonly inputSize: number;
  /** The kernels with a weight penalty (Keras's kernel_regularizer), and its strengths. */
  private readonly penalized: { kernel: Param; strengths: KernelRegularizer }[];

  /**
   * The float32s of every array a network of this shape hands the kernels
   * (weights and their gradients, patches, activations and their gradients,
   * inference buffers), each rounded up to whole SIMD blocks: the size of
   * the memory `createKernels` makes for it.
   */
  static floatsNeeded(inputShape: Shape, layers: readonly LayerSpec[], batchSize: number, optimizerSlots = 0): number {
    let floats = 0;
    const count = (length: number) => {
      floats += aligned(length);
    };
    const sizing = {
      floats: (length: number) => (count(length), new Float32Array(0)),
      ints: (length: number) => (count(length), new Int32Array(0)),
    };
    const { stages, paramFloats } = compileLayers(inputShape, layers, batchSize, sizing);
    // The optimizer's state (see createFusedOptimizer): `optimizerSlots` arrays per weight tensor.
    floats += optimizerSlots * paramFloats;
    const inputSize = inputShape.reduce((a, b) => a * b, 1);
    // outputs, grads and scratch: three arrays of batchSize rows per stage and for the input.
    for (const size of [inputSize, ...stages.map((stage) => stage.size)]) floats += 3 * aligned(batchSize * size);
    return floats;
  }

  /**
   * @param math the dense products and the memory they work in; a
   *   SIMD set must have room for floatsNeeded() of this network.
   */
  constructor(
    inputShape: Shape,
    layers: readonly LayerSpec[],
    readonly batchSize: number,
    seed: number,
    private readonly math: Kernels = scalarKernels(),
  ) {
    this.inputSize = inputShape.reduce((a, b) => a * b, 1);
    const alloc = (length: number) => math.alloc(length);
    ({ stages: this.stages, ends: this.layerEnds } = compileLayers(inputShape, layers, batchSize, { floats: alloc, ints: (length) => math.allocInts(length) }));
    const sizes = [this.inputSize, ...this.stages.map((stage) => stage.size)];
    this.outputs = sizes.map((size) => alloc(batchSize * size));
    this.grads = sizes.map((size) => alloc(batchSize * size));
    this.scratch = sizes.map((size) => alloc(batchSize * size));
    this.outputSize = sizes[sizes.length - 1]!;
    this.dropoutState = Math.floor(createRng(seed).next() * 0xffffffff) | 1;
    this.params = this.stages.flatMap((stage) =>
      stage.kind === 'dense' || stage.kind === 'conv2d' ? [stage.kernel, stage.bias] : stage.kind === 'batchNormalization' ? [stage.gamma, stage.beta] : [],
    );
    this.penalized = this.kernels().flatMap(({ layerIndex, kernel }) => {
      const strengths = penaltyOf(layers[layerIndex]!);
      return isPenalized(strengths) ? [{ kernel, strengths }] : [];
    });
  }

  /** The weight penalties at the current weights, Σ λ1·Σ|w| + λ2·Σw², which Keras adds to the loss (and to val_loss). */
  penalty(): number {
    return this.penalized.reduce((sum, { kernel, strengths }) => sum + kernelPenalty(kernel.value, strengths), 0);
  }

  /** Adds the penalties' gradients to the kernels' grads: call after backward(), before the optimizer's step. */
  addPenaltyGradients(): void {
    for (const { kernel, strengths } of this.penalized) addPenaltyGradient(kernel.value, kernel.grad, strengths);
  }

  /**
   * Every weight array, in tfjs's `model.getWeights()` order: the trainable
   * ones layer by layer (kernel, bias; gamma, beta), then the others (moving
   * mean and variance).
   */
  weights(): Float32Array[] {
    const moving = this.stages.flatMap((stage) => (stage.kind === 'batchNormalization' ? [stage.movingMean, stage.movingVariance] : []));
    return [...this.params.map((p) => p.value), ...moving];
  }

  /** Every weight array layer by layer, as the weights view lays them out (see tf/weights.ts). */
  layerWeights(): Float32Array[] {
    return this.stages.flatMap((stage) =>
      stage.kind === 'dense' || stage.kind === 'conv2d'
        ? [stage.kernel.value, stage.bias.value]
        : stage.kind === 'batchNormalization'
          ? [stage.gamma.value, stage.beta.value, stage.movingMean, stage.movingVariance]
          : [],
    );
  }

  /** The kernel of each layer of the spec that has one (Dense, Conv2D), with its gradient from the last backward pass. */
  kernels(): { layerIndex: number; kernel: Param }[] {
    return this.layerEnds.flatMap((end, layerIndex) => {
      const stage = this.stages[layerIndex === 0 ? 0 : this.layerEnds[layerIndex - 1]!];
      const own = end > (layerIndex === 0 ? 0 : this.layerEnds[layerIndex - 1]!);
      return own && stage && (stage.kind === 'dense' || stage.kind === 'conv2d') ? [{ layerIndex, kernel: stage.kernel }] : [];
    });
  }

  /** Copies weights in `weights()` order into the network. */
  setWeights(values: readonly Float32Array[]): void {
    const targets = this.weights();
    if (values.length !== targets.length) throw new Error(`Expected ${targets.length} weight arrays, got ${values.length}.`);
    targets.forEach((target, i) => {
      const value = values[i]!;
      if (value.length !== target.length) throw new Error(`Weight ${i} has ${value.length} values where ${target.length} are expected.`);
      target.set(value);
    });
  }

  /** The input buffer of the training pass: fill its first batchSize rows, then call trainForward. */
  get input(): Float32Array {
    return this.outputs[0]!;
  }

  /** The forward pass in training mode over the rows in `input`; returns the outputs (batchSize rows). */
  trainForward(): Float32Array {
    const rows = this.batchSize;
    for (let i = 0; i < this.stages.length; i++) this.forward(this.stages[i]!, this.outputs[i]!, this.outputs[i + 1]!, rows, true);
    return this.outputs[this.outputs.length - 1]!;
  }

  /** The buffer for d(loss)/d(output), to fill before calling backward. */
  get outputGrad(): Float32Array {
    return this.grads[this.grads.length - 1]!;
  }

  /** Back-propagates `outputGrad` through the last training pass into each param's grad. */
  backward(): void {
    const rows = this.batchSize;
    for (let i = this.stages.length - 1; i >= 0; i--) {
      this.backwardStage(this.stages[i]!, this.outputs[i]!, this.outputs[i + 1]!, this.grads[i + 1]!, i > 0 ? this.grads[i]! : null, rows);
    }
  }

  /**
   * Inference (dropout off, batch normalization with its moving statistics)
   * over `rows` rows of `x`, into `out` (rows × outputSize), a chunk at a time.
   */
  predict(x: Float32Array, rows: number, out: Float32Array): void {
    const last = this.stages.length;
    this.inferChunks(x, rows, (scratch, start, count) => out.set(scratch[last]!.subarray(0, count * this.outputSize), start * this.outputSize));
  }

  /** Inference over `rows` rows of `x`, a batch at a time; `take` reads each chunk's activations (input, then every stage's output). */
  private inferChunks(x: Float32Array, rows: number, take: (scratch: Float32Array[], start: number, count: number) => void): void {
    const chunk = this.batchSize;
    const scratch = this.scratch;
    for (let start = 0; start < rows; start += chunk) {
      const count = Math.min(chunk, rows - start);
      scratch[0]!.set(x.subarray(start * this.inputSize, (start + count) * this.inputSize));
      for (let i = 0; i < this.stages.length; i++) this.forward(this.stages[i]!, scratch[i]!, scratch[i + 1]!, count, false);
      take(scratch, start, count);
    }
  }

  /**
   * Inference over `rows` rows of `x`, keeping the outputs of the spec's
   * layers `layerIndices`: one array each, rows × that layer's size.
   */
  layerOutputs(x: Float32Array, rows: number, layerIndices: readonly number[]): Float32Array[] {
    const sizes = [this.inputSize, ...this.stages.map((stage) => stage.size)];
    const at = layerIndices.map((layer) => this.layerEnds[layer]!);
    const outs = at.map((end) => new Float32Array(rows * sizes[end]!));
    this.inferChunks(x, rows, (scratch, start, count) =>
      at.forEach((end, k) => outs[k]!.set(scratch[end]!.subarray(0, count * sizes[end]!), start * sizes[end]!)),
    );
    return outs;
  }

  private forward(stage: Stage, x: Float32Array, y: Float32Array, rows: number, training: boolean): void {
    switch (stage.kind) {
      case 'dense':
        this.math.denseForward(x, y, stage.kernel.value, stage.bias.value, rows, stage.inSize, stage.size);
        return;
      case 'conv2d': {
        // Every example's patches, then one product for the whole batch: its outputs, pixel by pixel, are rows of `filters`.
        const pixels = stage.outH * stage.outW;
        const patch = stage.kernelSize * stage.kernelSize * stage.inC;
        const inSize = stage.inH * stage.inW * stage.inC;
        this.math.im2col(x, stage.patches, rows, stage);
        this.math.denseForward(stage.patches, y, stage.kernel.value, stage.bias.value, rows * pixels, patch, stage.filters);
        return;
      }
      case 'maxPooling2d':
        this.math.maxPool(x, y, stage.argmax, rows, stage);
        return;
      case 'flatten':
        y.set(x.subarray(0, rows * stage.size));
        return;
      case 'activation':
        if (stage.activation === 'relu') this.math.relu(x, y, rows * stage.size);
        else activate(stage.activation, x, y, rows, stage.size);
        return;
      case 'dropout': {
        const count = rows * stage.size;
        if (!training || stage.rate === 0) {
          y.set(x.subarray(0, count));
          return;
        }
        this.dropoutState = dropoutForward(x, y, stage.mask, count, 1 - stage.rate, this.dropoutState);
        return;
      }
      case 'batchNormalization': {
        const { size } = stage;
        const gamma = stage.gamma.value;
        const beta = stage.beta.value;
        if (!training) {
          for (let j = 0; j < size; j++) {
            const inv = 1 / Math.sqrt(stage.movingVariance[j]! + BN_EPSILON);
            const mean = stage.movingMean[j]!;
            for (let r = 0; r < rows; r++) y[r * size + j] = (x[r * size + j]! - mean) * inv * gamma[j]! + beta[j]!;
          }
          return;
        }
        for (let j = 0; j < size; j++) {
          let mean = 0;
          for (let r = 0; r < rows; r++) mean += x[r * size + j]!;
          mean /= rows;
          let variance = 0;
          for (let r = 0; r < rows; r++) {
            const d = x[r * size + j]! - mean;
            variance += d * d;
          }
          variance /= rows;
          const inv = 1 / Math.sqrt(variance + BN_EPSILON);
          stage.invStd[j] = inv;
          for (let r = 0; r < rows; r++) {
            const normalized = (x[r * size + j]! - mean) * inv;
            stage.normalized[r * size + j] = normalized;
            y[r * size + j] = normalized * gamma[j]! + beta[j]!;
          }
          // As tfjs: moving ← moving − (moving − batch)·(1 − momentum), with the biased variance.
          stage.movingMean[j] = stage.movingMean[j]! - (stage.movingMean[j]! - mean) * (1 - BN_MOMENTUM);
          stage.movingVariance[j] = stage.movingVariance[j]! - (stage.movingVariance[j]! - variance) * (1 - BN_MOMENTUM);
        }
        return;
      }
    }
  }

  private backwardStage(stage: Stage, x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array | null, rows: number): void {
    switch (stage.kind) {
      case 'dense':
        stage.kernel.grad.fill(0);
        stage.bias.grad.fill(0);
        this.math.addWeightGradient(x, dy, stage.kernel.grad, stage.bias.grad, rows, stage.inSize, stage.size);
        if (dx) this.math.denseInputGradient(dy, dx, stage.kernel.value, rows, stage.inSize, stage.size);
        return;
      case 'conv2d': {
        const pixels = stage.outH * stage.outW;
        const patch = stage.kernelSize * stage.kernelSize * stage.inC;
        stage.kernel.grad.fill(0);
        stage.bias.grad.fill(0);
        this.math.addWeightGradient(stage.patches, dy, stage.kernel.grad, stage.bias.grad, rows * pixels, patch, stage.filters);
        if (!dx) return;
        this.math.denseInputGradient(dy, stage.patchGrad, stage.kernel.value, rows * pixels, patch, stage.filters);
        this.math.col2im(stage.patchGrad, dx, rows, stage);
        return;
      }
      case 'maxPooling2d': {
        if (!dx) return;
        const inSize = stage.inH * stage.inW * stage.channels;
        dx.fill(0, 0, rows * inSize);
        const count = rows * stage.size;
        for (let o = 0; o < count; o++) {
          const i = stage.argmax[o]!;
          dx[i] = dx[i]! + dy[o]!;
        }
        return;
      }
      case 'flatten':
        if (dx) dx.set(dy.subarray(0, rows * stage.size));
        return;
      case 'activation':
        if (!dx) return;
        if (stage.activation === 'relu') this.math.reluBackward(x, dy, dx, rows * stage.size);
        else activateBackward(stage.activation, x, y, dy, dx, rows, stage.size);
        return;
      case 'dropout': {
        if (!dx) return;
        const count = rows * stage.size;
        if (stage.rate === 0) dx.set(dy.subarray(0, count));
        else for (let i = 0; i < count; i++) dx[i] = dy[i]! * stage.mask[i]!;
        return;
      }
      case 'batchNormalization': {
        const { size } = stage;
        const gamma = stage.gamma.value;
        const dGamma = stage.gamma.grad;
        const dBeta = stage.beta.grad;
        for (let j = 0; j < size; j++) {
          let sumDy = 0;
          let sumDyNorm = 0;
          for (let r = 0; r < rows; r++) {
            const g = dy[r * size + j]!;
            sumDy += g;
            sumDyNorm += g * stage.normalized[r * size + j]!;
          }
          dBeta[j] = sumDy;
          dGamma[j] = sumDyNorm;
          if (!dx) continue;
          // dx = γ·invStd/N · (N·dy − Σdy − x̂·Σ(dy·x̂))
          const factor = (gamma[j]! * stage.invStd[j]!) / rows;
          for (let r = 0; r < rows; r++) {
            const i = r * size + j;
            dx[i] = factor * (rows * dy[i]! - sumDy - stage.normalized[i]! * sumDyNorm);
          }
        }
        return;
      }
    }
  }
}
