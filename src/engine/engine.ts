import type { SerializedModel } from '../model/file/modelFile';
import type { ProbeInput, ProbeKind, ProbeResult, TestResult, WeightSlot } from './protocol';

/** Batch normalization's moving statistics: weights that training does not update by gradient. */
const nonTrainable = new Set(['moving_mean', 'moving_variance']);
import type { RunControl } from './runControl';

/** A copy of the weights that later training does not touch. */
export interface WeightSnapshot {
  /** Puts these weights back into the model. */
  restore(): void;
  dispose(): void;
}

/** What is read back after an epoch (or at the end): weights when shown, predictions when asked for. */
export interface Readout {
  weights: Float32Array | null;
  /** Outputs for the validation rows, and for the boundary grid when there is one. */
  predictions: { validation: Float32Array; grid: Float32Array | null } | null;
}

/** One epoch's trends: each kernel's gradient norm (mean over the steps) and its QUANTILES now. */
export interface EpochTrends {
  gradientNorms: Float32Array;
  weightQuantiles: Float32Array;
}

export interface EpochStats extends Readout {
  loss: number;
  /** When asked for and the epoch tracked its gradients; null otherwise. */
  trends: EpochTrends | null;
  /** The training loss of each batch of the epoch, in order (read with the epoch's other values, not per batch). */
  stepLosses: Float32Array;
  metric: number;
  valLoss: number;
  valMetric: number;
}

/**
 * How a run's model is trained: tfjs on its backend (tf/tfEngine.ts), or the
 * plain-JavaScript dense engine (fused/fusedEngine.ts). The trainer drives
 * either the same way, so early stopping, divergence, pause and step behave
 * alike on both.
 */
export interface TrainingEngine {
  /** Number of weights. */
  readonly params: number;
  /** Where each weight sits in the flat weights readout; null when the model is too big to show. */
  readonly weightLayout: WeightSlot[] | null;
  /**
   * One pass over the training rows in `order` (whose length is a whole
   * number of batches: see batchOrder). Resolves false when stopped mid-epoch.
   */
  trainEpoch(order: Uint32Array, control: RunControl, beforeBatch: () => void): Promise<boolean>;
  /** Spec indices of the layers with a kernel (Dense, Conv2D), in the order of the trends' columns. */
  readonly kernelLayers: number[];
  /**
   * After trainEpoch: the epoch's mean training loss and metric, the
   * validation loss and metric, and the readout; the trends when asked for
   * (the epoch tracks its gradients when `control.probes` includes 'trends').
   */
  report(withPredictions: boolean, withWeights?: boolean, withTrends?: boolean): Promise<EpochStats>;
  /** Validation loss and metric of the model as it is, without training. */
  evaluate(): Promise<{ valLoss: number; valMetric: number }>;
  /**
   * Loss, metric and outputs of the model as it is on the held-out test rows
   * (data.xTest), null without them. Called once, when the run has ended:
   * nothing else in an engine reads the test rows.
   */
  test(): Promise<TestResult | null>;
  /** The weights and predictions now. */
  readout(): Promise<Readout>;
  snapshot(): WeightSnapshot;
  /** Every weight, in `model.getWeights()` order, copied to main memory. */
  exportWeights(): Promise<Float32Array[]>;
  /** Puts weights held in main memory, in `model.getWeights()` order, into the model. */
  loadWeights(values: readonly Float32Array[]): void;
  setLearningRate(rate: number): void;
  /**
   * Measures what the inside views asked for, on the model as it is now
   * (inference mode); 'featureMaps' are measured on `input`, none without one.
   */
  probe(kinds: readonly ProbeKind[], input?: ProbeInput | null): Promise<ProbeResult>;
  serialize(): Promise<SerializedModel>;
  /** Frees everything the engine made (tensors included). */
  dispose(): void;
}

/**
 * The row order of one epoch cut into whole batches: a last partial batch is
 * filled with rows from the start of the order, so every batch has the same
 * shape (WebGL compiles no new shaders, buffers are reused) and every row is
 * still seen at least once per epoch.
 */
export function batchOrder(order: Uint32Array, batchSize: number, into?: Uint32Array): Uint32Array {
  const numRows = order.length;
  const size = Math.max(1, Math.min(batchSize, numRows));
  const total = Math.ceil(numRows / size) * size;
  if (total === numRows) return order;
  const filled = into?.length === total ? into : new Uint32Array(total);
  filled.set(order);
  for (let i = numRows; i < total; i++) filled[i] = order[i - numRows]!;
  return filled;
}

/**
 * The weights view's flat readout (layer by layer, see tf/weights.ts) cut into
 * arrays in `model.getWeights()` order: every trainable weight layer by
 * layer, then the others. Copies, so the readout can be handed on.
 */
export function inModelOrder(layout: readonly WeightSlot[], flat: Float32Array): Float32Array[] {
  let offset = 0;
  const parts = layout.map((slot) => {
    const size = slot.shape.reduce((a, b) => a * b, 1);
    const values = flat.slice(offset, offset + size);
    offset += size;
    return { trainable: !nonTrainable.has(slot.name), values };
  });
  return [...parts.filter((part) => part.trainable), ...parts.filter((part) => !part.trainable)].map((part) => part.values);
}
