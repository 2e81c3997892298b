import * as tf from '@tensorflow/tfjs';
import type { RunControl } from '../runControl';
import type { BatchObjective } from './objectives';

export interface EpochArgs {
  model: tf.LayersModel;
  optimizer: tf.Optimizer;
  xTrain: tf.Tensor;
  yTrain: tf.Tensor;
  lossFn: BatchObjective;
  metricFn: BatchObjective;
  control: RunControl;
  batchSize: number;
  /** Row order for this epoch. */
  order: Uint32Array;
  /** Called between batches, where a new learning rate may be applied. */
  beforeBatch(): void;
  /** The run's seed and the number of batches trained before this epoch, from which each batch's dropout masks follow. */
  seed: number;
  firstStep: number;
  /** Names of the kernel variables whose gradient norms are summed over the steps (the trends view is open); null when none. */
  kernelNames?: readonly string[] | null;
}

/** A tfjs Dropout layer: it reads `seed` at each call, and draws a fresh mask each call only when it is unset. */
interface SeedableDropout {
  seed?: number;
}

/** A 32-bit seed for one dropout layer at one training step, well mixed so neighbouring steps share nothing. */
export function dropoutSeed(seed: number, step: number, layer: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(step + 1, 0xc2b2ae35) ^ Math.imul(layer + 1, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** On-device sums over an epoch of loss × batch size and metric × batch size. */
export type EpochSums = [loss: tf.Scalar, metric: tf.Scalar];

/** What an epoch leaves on the device: its sums and each batch's loss, read back with the epoch's other values. */
export interface EpochResult {
  sums: EpochSums;
  stepLosses: tf.Scalar[];
  /** Σ over the steps of each kernel's gradient L2 norm, when kernelNames were given. */
  gradientNorms: tf.Tensor1D | null;
}

/**
 * One pass over the training rows in the given order. Returns the on-device
 * sums, or null when stopped mid-epoch (having disposed what it made).
 * Nothing is read back from the device here.
 */
export async function trainEpoch(args: EpochArgs): Promise<EpochResult | null> {
  const { model, optimizer, lossFn, metricFn, control, batchSize, order } = args;
  // A seeded tfjs Dropout layer draws the same mask at every call, an unseeded
  // one a mask no seed can reproduce; a new seed per batch gives fresh masks
  // that the same run seed repeats, as the JavaScript engine's do.
  const dropouts = model.layers.filter((layer) => layer.getClassName() === 'Dropout') as unknown as SeedableDropout[];
  const numRows = order.length;
  // Indices fit in int32; reinterpret the buffer rather than copy it.
  const indices = tf.tensor1d(new Int32Array(order.buffer, order.byteOffset, order.length), 'int32');
  const xs = tf.gather(args.xTrain, indices);
  const ys = tf.gather(args.yTrain, indices);
  indices.dispose();
  let sums: EpochSums = [tf.scalar(0), tf.scalar(0)];
  const stepLosses: tf.Scalar[] = [];
  const kernelNames = args.kernelNames ?? null;
  let gradientNorms: tf.Tensor1D | null = kernelNames ? tf.zeros([kernelNames.length]) : null;
  try {
    for (let start = 0; start < numRows; start += batchSize) {
      if (!(await control.checkpoint())) {
        tf.dispose([...sums, ...stepLosses, ...(gradientNorms ? [gradientNorms] : [])]);
        return null;
      }
      args.beforeBatch();
      const step = args.firstStep + start / batchSize;
      dropouts.forEach((layer, i) => (layer.seed = dropoutSeed(args.seed, step, i)));
      const size = Math.min(batchSize, numRows - start);
      // [loss sum, metric sum, this batch's loss, gradient norm sums when tracked].
      const next = tf.tidy((): tf.Tensor[] => {
        const xb = xs.slice(start, size);
        const yb = ys.slice(start, size);
        let pred: tf.Tensor | null = null;
        const objective = (): tf.Scalar => {
          // keep() lets the predictions outlive the gradient scope, so the
          // metric is computed outside it and adds nothing to the tape.
          pred = tf.keep(model.apply(xb, { training: true }) as tf.Tensor);
          return lossFn(yb, pred);
        };
        let cost: tf.Scalar;
        let norms: tf.Tensor1D | null = null;
        if (kernelNames && gradientNorms) {
          // What minimize does, with the kernels' gradient norms taken on the way.
          const { value, grads } = optimizer.computeGradients(objective);
          norms = gradientNorms.add(tf.stack(kernelNames.map((name) => tf.norm(grads[name]!)))) as tf.Tensor1D;
          optimizer.applyGradients(grads);
          cost = value;
        } else {
          cost = optimizer.minimize(objective, true) as tf.Scalar;
        }
        const kept = pred as tf.Tensor | null;
        if (kept === null) throw new Error('The loss function did not run.');
        const result = [sums[0].add(cost.mul(size)), sums[1].add(metricFn(yb, kept).mul(size)), cost, ...(norms ? [norms] : [])];
        kept.dispose();
        return result;
      });
      // Unset between batches, where an export may serialize the model: its Dropout config carries no seed.
      for (const layer of dropouts) layer.seed = undefined;
      tf.dispose(sums);
      sums = [next[0] as tf.Scalar, next[1] as tf.Scalar];
      stepLosses.push(next[2] as tf.Scalar);
      if (next[3]) {
        gradientNorms?.dispose();
        gradientNorms = next[3] as tf.Tensor1D;
      }
    }
    return { sums, stepLosses, gradientNorms };
  } finally {
    for (const layer of dropouts) layer.seed = undefined;
    tf.dispose([xs, ys]);
  }
}

/** The vectors readBack is reading now: on a lost device a read may never settle, and its vector is then freed by disposeReadsInFlight. */
const inFlight = new Set<tf.Tensor>();

/**
 * Frees the vectors of reads that have not settled. Only for a run abandoned
 * because its device was lost (a WebGL context or a WebGPU device): there a
 * read can hang for good, and its vector would stay counted in
 * `tf.memory().numTensors` for the worker's life.
 */
export function disposeReadsInFlight(): void {
  for (const tensor of inFlight) tensor.dispose();
  inFlight.clear();
}

/**
 * Reads several tensors back from the device in a single read: `build`
 * makes them (inside a tidy), they are flattened into one vector, read once,
 * and handed back as one array each, in order.
 */
export async function readBack(build: () => tf.Tensor[]): Promise<Float32Array[]> {
  const { packed, sizes } = tf.tidy(() => {
    const parts = build().map((tensor) => tensor.flatten());
    return { packed: tf.concat(parts), sizes: parts.map((part) => part.size) };
  });
  inFlight.add(packed);
  try {
    const values = (await packed.data()) as Float32Array;
    let offset = 0;
    return sizes.map((size) => {
      const part = values.slice(offset, offset + size);
      offset += size;
      return part;
    });
  } finally {
    inFlight.delete(packed);
    packed.dispose();
  }
}
