import * as tf from '@tensorflow/tfjs';
import { TrainingClient } from '../../src/engine/client';
import { initBackend } from '../../src/engine/backend';
import type { BackendName, EpochRecord, WorkerEvent } from '../../src/engine/protocol';
import { buildModel } from '../../src/engine/tf/buildModel';
import type { Prepared } from './workloads';

/** One measurement: how fast a trainer went through a workload. */
export interface Measurement {
  workload: string;
  trainer: string;
  backend: string;
  msPerEpoch: number;
  samplesPerSec: number;
  epochsPerSec: number;
  tensorsBefore?: number;
  tensorsAfter?: number;
  longTasks?: number;
  note?: string;
}

const result = (p: Prepared, trainer: string, backend: string, msPerEpoch: number, extra: Partial<Measurement> = {}): Measurement => ({
  workload: p.workload.id,
  trainer,
  backend,
  msPerEpoch,
  samplesPerSec: (p.data.numTrain / msPerEpoch) * 1000,
  epochsPerSec: 1000 / msPerEpoch,
  ...extra,
});

/** The playground's own trainer, in its worker, on a backend. The first epoch (shader compiles) is not counted. */
export async function runPlayground(p: Prepared, backend: BackendName): Promise<Measurement> {
  const client = new TrainingClient(backend);
  const records: EpochRecord[] = [];
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => {
    longTasks += list.getEntries().filter((entry) => entry.duration > 50).length;
  });
  observer.observe({ type: 'longtask', buffered: false });
  const ended = new Promise<WorkerEvent & { type: 'runEnded' }>((resolve, reject) => {
    client.subscribe((event) => {
      if (event.type === 'epoch') records.push(event.record);
      if (event.type === 'runEnded') resolve(event);
      if (event.type === 'error') reject(new Error(event.message));
    });
  });
  const { data, workload } = p;
  client.startRun({
    layers: p.layers,
    task: p.table.task,
    config: { ...workload.config, epochs: workload.epochs + 1 },
    data: { xTrain: data.xTrain.slice(), yTrain: data.yTrain.slice(), xVal: data.xVal.slice(), yVal: data.yVal.slice(), inputShape: data.inputShape, targetSize: data.targetSize, grid: null },
    initialModel: null,
  });
  const end = await ended;
  observer.disconnect();
  const timed = records.slice(1);
  const ms = timed.reduce((sum, r) => sum + r.ms, 0) / Math.max(1, timed.length);
  return result(p, 'playground (worker)', backend, ms, { tensorsBefore: end.tensorsBefore, tensorsAfter: end.tensorsAfter, longTasks });
}

/**
 * The naive way: tfjs `model.fit` on the page's own thread. `flags` set tfjs
 * environment flags for this run only (to measure WebGL's), after the
 * playground's own choices (initBackend) are applied.
 */
export async function runNaiveFit(p: Prepared, backend: BackendName, flags: Record<string, boolean> = {}): Promise<Measurement> {
  await initBackend(backend);
  if (tf.getBackend() !== backend) return result(p, 'tfjs fit (main thread)', backend, Number.NaN, { note: `${backend} unavailable` });
  const saved = Object.fromEntries(Object.keys(flags).map((flag) => [flag, tf.env().getBool(flag)]));
  for (const [flag, value] of Object.entries(flags)) tf.env().set(flag, value);
  try {
    return await naiveFit(p, backend, Object.keys(flags).length > 0 ? Object.entries(flags).map(([f, v]) => `${f}=${v}`).join(', ') : undefined);
  } finally {
    for (const [flag, value] of Object.entries(saved)) tf.env().set(flag, value);
  }
}

async function naiveFit(p: Prepared, backend: BackendName, note?: string): Promise<Measurement> {
  const before = tf.memory().numTensors;
  const { data, workload } = p;
  const model = buildModel(data.inputShape, p.layers, 1);
  const optimizer = workload.config.optimizer === 'sgd' ? tf.train.sgd(workload.config.learningRate) : tf.train.adam(workload.config.learningRate);
  // The same work per epoch as the playground does: the training metric, and the validation loss and metric.
  model.compile({
    optimizer,
    loss: workload.config.loss === 'categoricalCrossentropy' ? 'categoricalCrossentropy' : 'binaryCrossentropy',
    metrics: ['accuracy'],
  });
  const x = tf.tensor(data.xTrain, [data.numTrain, ...data.inputShape]);
  const y = tf.tensor2d(data.yTrain, [data.numTrain, data.targetSize]);
  const numVal = data.yVal.length / data.targetSize;
  const xVal = tf.tensor(data.xVal, [numVal, ...data.inputShape]);
  const yVal = tf.tensor2d(data.yVal, [numVal, data.targetSize]);
  const times: number[] = [];
  let start = 0;
  await model.fit(x, y, {
    batchSize: workload.config.batchSize,
    epochs: workload.epochs + 1,
    shuffle: true,
    validationData: [xVal, yVal],
    verbose: 0,
    callbacks: {
      onEpochBegin: async () => {
        start = performance.now();
      },
      onEpochEnd: async () => {
        times.push(performance.now() - start);
      },
    },
  });
  tf.dispose([x, y, xVal, yVal]);
  model.dispose();
  optimizer.dispose();
  const timed = times.slice(1);
  return result(p, note ? 'tfjs fit, WebGL flags' : 'tfjs fit (main thread)', backend, timed.reduce((a, b) => a + b, 0) / timed.length, {
    tensorsBefore: before,
    tensorsAfter: tf.memory().numTensors,
    ...(note ? { note } : {}),
  });
}
