/** Builders for the messages and configs unit tests pass around. */
import type { EpochRecord, RunOutcome, WorkerEvent } from '../engine/protocol';
import { defaultEarlyStopping } from '../model/earlyStopping';
import type { LayerSpec } from '../model/layers';
import type { TrainingConfig } from '../model/trainingConfig';

export function epochRecord(epoch: number, loss = 1 / epoch): EpochRecord {
  return { epoch, loss, valLoss: loss * 1.1, metric: 0.5, valMetric: 0.5, ms: 1, learningRate: 0.01 };
}

export function epochEvent(runId: number, epoch: number, loss?: number): WorkerEvent {
  const record = epochRecord(epoch, loss);
  return { type: 'epoch', runId, record, weights: null, stepLosses: Float32Array.of(record.loss * 1.05, record.loss * 0.95) };
}

export function runEndedEvent(runId: number, outcome: RunOutcome, tensors = 0): WorkerEvent {
  return { type: 'runEnded', runId, outcome, tensorsBefore: tensors, tensorsAfter: tensors, weights: null, model: null };
}

export function runStartedEvent(runId: number, params = 1): WorkerEvent {
  return { type: 'runStarted', runId, backend: 'cpu', params, stepsPerEpoch: 1, weightLayout: null };
}

export function testConfig(overrides: Partial<TrainingConfig> = {}): TrainingConfig {
  return {
    optimizer: 'sgd',
    learningRate: 0.1,
    batchSize: 8,
    epochs: 3,
    loss: 'mse',
    validationSplit: 0.25,
    scaling: 'standard',
    seed: 1,
    earlyStopping: { ...defaultEarlyStopping },
    ...overrides,
  };
}

let layerCount = 0;

/** A Conv2D layer (relu) for tests: `conv2d(8, 3)`, `conv2d(4, 3, 'same', 2)`. */
export function conv2d(filters: number, kernelSize: number, padding: 'valid' | 'same' = 'valid', strides = 1): LayerSpec {
  return { id: `conv${++layerCount}`, kind: 'conv2d', filters, kernelSize, strides, padding, activation: 'relu' };
}

/** A MaxPooling2D layer for tests. */
export function maxPool(poolSize = 2): LayerSpec {
  return { id: `pool${++layerCount}`, kind: 'maxPooling2d', poolSize };
}
