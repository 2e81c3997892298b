import * as tf from '@tensorflow/tfjs';
import { TrainingClient } from '../../src/engine/client';
import { initBackend } from '../../src/engine/backend';
import type { BackendName, EpochRecord, KernelMode, ProbeKind, WorkerEvent } from '../../src/engine/protocol';
import { buildModel } from '../../src/engine/tf/buildModel';
import { createOptimizer, disposeOptimizer } from '../../src/engine/tf/createOptimizer';
import { seriesProbeSetup } from '../../src/data/forecast';
import type { LossName } from '../../src/model/losses';
import type { Prepared } from './workloads';

/** One measurement: how fast a trainer went through a workload. */
export interface Measurement {
  workload: string;
  trainer: string;
  backend: string;
  msPerEpoch: number;
  /**
   * Wall time per epoch as the page sees it: from one epoch's event to the
   * next, so it also counts what the trainer does between epochs (reports,
   * probes, messages). Absent where it equals msPerEpoch's measure.
   */
  wallMsPerEpoch?: number;
  samplesPerSec: number;
  epochsPerSec: number;
  tensorsBefore?: number;
  tensorsAfter?: number;
  longTasks?: number;
  /** Giga multiply-adds a second in the model's dense products (see macs.ts), at the wall epochs/s where measured. */
  gmacs?: number;
  /** gmacs over the machine's peak for the threads this trainer uses (see peak.ts). */
  shareOfPeak?: number;
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

/** A row for a trainer that cannot run the workload, saying why. */
export const skipped = (p: Prepared, trainer: string, backend: string, note: string): Measurement => result(p, trainer, backend, Number.NaN, { note });

/**
 * The playground's own trainer, in its worker, on a backend. The first epoch
 * (shader compiles) is not counted. `probes` are the inside views to measure
 * as if open (the app watches 'forecast' whenever a series is shown).
 */
export async function runPlayground(p: Prepared, backend: BackendName, probes: ProbeKind[] = [], kernels: KernelMode = 'auto'): Promise<Measurement> {
  const client = new TrainingClient(backend);
  if (kernels !== 'auto') client.setKernelMode(kernels);
  if (probes.length > 0) client.watchProbes(probes);
  const records: EpochRecord[] = [];
  /** When each epoch's event reached this page (performance.now()). */
  const arrivals: number[] = [];
  /** Each probe's cost, as the page sees it: from the epoch's event to the probe's, which the worker sends right after measuring. */
  const probeMs: number[] = [];
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => {
    longTasks += list.getEntries().filter((entry) => entry.duration > 50).length;
  });
  observer.observe({ type: 'longtask', buffered: false });
  const { data, workload } = p;
  const epochs = backend === 'js' ? (workload.jsEpochs ?? workload.epochs) : workload.epochs;
  const ended = new Promise<WorkerEvent & { type: 'runEnded' }>((resolve, reject) => {
    client.subscribe((event) => {
      if (event.type === 'epoch') {
        records.push(event.record);
        arrivals.push(performance.now());
      }
      if (event.type === 'probe' && event.epoch === records[records.length - 1]?.epoch && records.length < epochs + 1) {
        probeMs.push(performance.now() - arrivals[arrivals.length - 1]!);
      }
      if (event.type === 'runEnded') resolve(event);
      if (event.type === 'error') reject(new Error(event.message));
    });
  });
  client.startRun({
    layers: p.layers,
    task: p.table.task,
    config: { ...workload.config, epochs: epochs + 1 },
    data: {
      xTrain: data.xTrain.slice(),
      yTrain: data.yTrain.slice(),
      xVal: data.xVal.slice(),
      yVal: data.yVal.slice(),
      inputShape: data.inputShape,
      targetSize: data.targetSize,
      grid: null,
      // As the app sends it: a series' run ends with a forecast measured for the Forecast view.
      series: seriesProbeSetup(p.table),
    },
    initialModel: null,
  });
  const end = await ended;
  observer.disconnect();
  const timed = records.slice(1);
  const ms = timed.reduce((sum, r) => sum + r.ms, 0) / Math.max(1, timed.length);
  // From the first epoch's event (after the warm-up epoch) to the last one's.
  const wallMsPerEpoch = arrivals.length > 1 ? (arrivals[arrivals.length - 1]! - arrivals[0]!) / (arrivals.length - 1) : Number.NaN;
  const trainer =
    probes.length > 0 ? `playground (worker), watching ${probes.join(', ')}` : kernels === 'auto' ? 'playground (worker)' : `playground (worker), ${kernels === 'scalar' ? 'scalar kernels' : 'SIMD on one thread'}`;
  const probeNote = probes.length > 0 ? `${probes.join(', ')} measured ${probeMs.length}× in the timed epochs, ${(probeMs.reduce((a, b) => a + b, 0) / Math.max(1, probeMs.length)).toFixed(0)} ms each` : undefined;
  return result(p, trainer, backend, ms, { wallMsPerEpoch, tensorsBefore: end.tensorsBefore, tensorsAfter: end.tensorsAfter, longTasks, ...(probeNote ? { note: probeNote } : {}) });
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

/** tfjs's own names for the losses, as a person calling `compile` writes them. */
const fitLosses: Record<LossName, string | ((yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor)> = {
  mae: 'meanAbsoluteError',
  mse: 'meanSquaredError',
  // tfjs-layers has no Huber loss by name.
  huber: (t, p) => tf.losses.huberLoss(t, p, undefined, 1),
  binaryCrossentropy: 'binaryCrossentropy',
  categoricalCrossentropy: 'categoricalCrossentropy',
};

async function naiveFit(p: Prepared, backend: BackendName, note?: string): Promise<Measurement> {
  const before = tf.memory().numTensors;
  const { data, workload } = p;
  const model = buildModel(data.inputShape, p.layers, 1);
  const optimizer = createOptimizer(workload.config.optimizer, workload.config.learningRate);
  // The same work per epoch as the playground does: the training metric, and the validation loss and metric.
  model.compile({
    optimizer,
    loss: fitLosses[workload.config.loss],
    metrics: [p.table.task.kind === 'regression' ? 'mae' : 'accuracy'],
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
  disposeOptimizer(optimizer);
  const timed = times.slice(1);
  return result(p, note ? 'tfjs fit, WebGL flags' : 'tfjs fit (main thread)', backend, timed.reduce((a, b) => a + b, 0) / timed.length, {
    tensorsBefore: before,
    tensorsAfter: tf.memory().numTensors,
    ...(note ? { note } : {}),
  });
}
