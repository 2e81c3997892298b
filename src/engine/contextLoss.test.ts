import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../data/synthetic';
import { prepareData } from '../data/prepare';
import { testConfig } from '../testing/fixtures';
import type { LayerSpec } from '../model/layers';
import type { BackendInfo, TrainCommand, WorkerEvent } from './protocol';
import { TrainingSession, type GpuBackendName, type GpuWatch } from './session';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const small: LayerSpec[] = [
  { id: 'a', kind: 'dense', units: 8, activation: 'relu' },
  { id: 'b', kind: 'dense', units: 1, activation: 'sigmoid' },
];

function command(layers: LayerSpec[], epochs: number, config: Partial<TrainCommand['config']> = {}): TrainCommand {
  const prepared = prepareData(generate('circle', { numPoints: 200, noise: 0.1, seed: 1 }), 0.25, 1);
  return {
    type: 'train',
    runId: 1,
    mode: 'run',
    initialModel: null,
    layers,
    task: { kind: 'binary' },
    config: testConfig({ epochs, loss: 'binaryCrossentropy', optimizer: 'adam', learningRate: 0.02, ...config }),
    data: { ...prepared, grid: null },
  };
}

/**
 * A session that believes it trains on WebGL (tfjs really runs on its CPU
 * backend here) and whose GPU is lost when epoch `lossAt` is reported.
 */
function sessionLosingGpuAt(lossAt: number, onEvent: (event: WorkerEvent, session: TrainingSession) => void = () => undefined, device: GpuBackendName = 'webgl') {
  const events: WorkerEvent[] = [];
  let lost = false;
  let onLost: (() => void) | null = null;
  const watched: GpuBackendName[] = [];
  const webgl: BackendInfo = { name: device, renderer: 'Test GPU', note: null, auto: false };
  const gpu: GpuWatch = {
    watch: (backend, callback) => {
      watched.push(backend);
      onLost = callback;
      return () => (onLost = null);
    },
    lost: async () => lost,
    fallback: async (_layers, lostBackend) => ({ name: 'cpu', renderer: null, note: `${lostBackend} stopped working, so cpu is used.`, auto: false }),
  };
  const session = new TrainingSession(
    (event) => {
      events.push(event);
      onEvent(event, session);
      if (event.type === 'epoch' && event.record.epoch === lossAt && !lost) {
        lost = true;
        onLost?.();
      }
    },
    async () => webgl,
    async (preferred) => preferred,
    gpu,
  );
  session.init(device);
  return { session, events, watched };
}

describe('a run whose WebGL context is lost', () => {
  it('goes on on another backend from the last good weights, with every epoch reported once', async () => {
    const before = tf.memory().numTensors;
    const { session, events } = sessionLosingGpuAt(4);
    await session.train(command(small, 12));
    const moved = events.find((event) => event.type === 'movedBackend');
    expect(moved).toMatchObject({ backend: 'cpu', fromEpoch: 4 });
    if (moved?.type === 'movedBackend') expect(moved.message).toContain('WebGL stopped working during epoch 5');
    expect(events.filter((event) => event.type === 'backend').map((event) => event.type === 'backend' && event.info.name)).toEqual(['webgl', 'cpu']);
    const epochs = events.flatMap((event) => (event.type === 'epoch' ? [event.record.epoch] : []));
    expect(epochs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const ended = events.at(-1)!;
    expect(ended).toMatchObject({ type: 'runEnded', outcome: { kind: 'completed', epochs: 12 } });
    expect(events.some((event) => event.type === 'error')).toBe(false);
    // Training went on from where it was, not from scratch: the loss keeps falling.
    const losses = events.flatMap((event) => (event.type === 'epoch' ? [event.record.loss] : []));
    expect(losses[4]!).toBeLessThan(losses[0]!);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('for a model too big to copy every epoch, goes on from the last copy and says which epoch that was', async () => {
    const wide: LayerSpec[] = [
      { id: 'a', kind: 'dense', units: 128, activation: 'relu' },
      { id: 'b', kind: 'dense', units: 96, activation: 'relu' },
      { id: 'c', kind: 'dense', units: 1, activation: 'sigmoid' },
    ];
    const { session, events } = sessionLosingGpuAt(3);
    await session.train(command(wide, 6));
    const moved = events.find((event) => event.type === 'movedBackend');
    // The first copy is taken after epoch 1; the next only two seconds later.
    expect(moved).toMatchObject({ backend: 'cpu' });
    const fromEpoch = moved?.type === 'movedBackend' ? moved.fromEpoch : -1;
    expect(fromEpoch).toBeGreaterThanOrEqual(1);
    expect(fromEpoch).toBeLessThanOrEqual(3);
    const epochs = events.flatMap((event) => (event.type === 'epoch' ? [event.record.epoch] : []));
    // Epochs after the copy are trained again, and the page drops their first reports (runState.ts).
    expect(epochs.slice(0, 3)).toEqual([1, 2, 3]);
    expect(epochs.slice(3)).toEqual(Array.from({ length: 6 - fromEpoch }, (_, i) => fromEpoch + 1 + i));
    expect(events.at(-1)).toMatchObject({ type: 'runEnded', outcome: { kind: 'completed', epochs: 6 } });
  });

  it('keeps a learning rate the person changed before the loss', async () => {
    const { session, events } = sessionLosingGpuAt(5, (event, s) => {
      if (event.type === 'epoch' && event.record.epoch === 2) s.setLearningRate(1, 0.005);
    });
    await session.train(command(small, 8));
    const records = events.flatMap((event) => (event.type === 'epoch' ? [event.record] : []));
    // Epochs 1-2 at the first rate; every later epoch, before and after the move, at the new one.
    expect(records.map((r) => r.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(records.slice(0, 2).map((r) => r.learningRate)).toEqual([0.02, 0.02]);
    expect(records.slice(3).map((r) => r.learningRate)).toEqual([0.005, 0.005, 0.005, 0.005, 0.005]);
  });

  it('carries early stopping on: its counter, its best epoch, and that epoch’s weights to restore', async () => {
    // No epoch improves on the first by 10: epoch 1 stays the best, and patience 4 stops the run at epoch 5.
    const earlyStopping = { enabled: true, patience: 4, minDelta: 10, restoreBestWeights: true };
    const { session, events } = sessionLosingGpuAt(3);
    await session.train(command(small, 20, { earlyStopping }));
    expect(events.find((event) => event.type === 'movedBackend')).toMatchObject({ fromEpoch: 3 });
    const ended = events.at(-1)!;
    expect(ended).toMatchObject({ type: 'runEnded', outcome: { kind: 'earlyStopped', epoch: 5, bestEpoch: 1, restoredFrom: 1 } });
    // The weights put back are epoch 1's, copied to main memory before the move.
    const firstEpoch = events.find((event) => event.type === 'epoch' && event.record.epoch === 1);
    const firstWeights = firstEpoch?.type === 'epoch' ? firstEpoch.weights : null;
    expect(firstWeights).not.toBeNull();
    if (ended.type === 'runEnded') expect(Array.from(ended.weights!)).toEqual(Array.from(firstWeights!));
  });
});

describe('a run whose WebGPU device is lost', () => {
  it('is watched on WebGPU, goes on on another backend from the last good weights, and says WebGPU stopped', async () => {
    const before = tf.memory().numTensors;
    const { session, events, watched } = sessionLosingGpuAt(3, undefined, 'webgpu');
    await session.train(command(small, 8));
    expect(watched).toEqual(['webgpu']);
    const moved = events.find((event) => event.type === 'movedBackend');
    expect(moved).toMatchObject({ backend: 'cpu', fromEpoch: 3 });
    if (moved?.type === 'movedBackend') expect(moved.message).toMatch(/^WebGPU stopped working during epoch 4 \(its device was lost: .*\)\. Training goes on on cpu from the weights after epoch 3/);
    const epochs = events.flatMap((event) => (event.type === 'epoch' ? [event.record.epoch] : []));
    expect(epochs).toEqual(Array.from({ length: 8 }, (_, i) => i + 1));
    // The end is held to the count before the run's first start, not before its move.
    expect(events.at(-1)).toMatchObject({ type: 'runEnded', outcome: { kind: 'completed', epochs: 8 }, tensorsBefore: before, tensorsAfter: before });
    expect(tf.memory().numTensors).toBe(before);
  });
});
