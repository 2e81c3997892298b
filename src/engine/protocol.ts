/**
 * The one contract between the page and the training worker. Both sides
 * import only this file from each other. Messages are told apart by `type`;
 * everything about a run carries its `runId`, so the page can drop events of
 * a run it has already left behind.
 */
import type { LayerSpec, Shape } from '../model/layers';
import type { TaskSpec } from '../model/task';
import type { TrainingConfig } from '../model/trainingConfig';

export type BackendName = 'webgl' | 'wasm' | 'cpu';
export type BackendPreference = BackendName | 'auto';
export const backendNames: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** The backend the worker ended up on, and why. */
export interface BackendInfo {
  name: BackendName;
  /** The GPU's renderer string for WebGL ("SwiftShader ...", "NVIDIA ..."); null otherwise. */
  renderer: string | null;
  /** Why this backend and not the preferred one; null when it is the one asked for. */
  note: string | null;
}

/** Training and validation arrays; their buffers are transferred, not copied. */
export interface TrainingData {
  xTrain: Float32Array;
  yTrain: Float32Array;
  xVal: Float32Array;
  yVal: Float32Array;
  inputShape: Shape;
  /** Values per target row: 1, or the number of classes. */
  targetSize: number;
}

export interface TrainCommand {
  type: 'train';
  runId: number;
  layers: LayerSpec[];
  task: TaskSpec;
  config: TrainingConfig;
  data: TrainingData;
}

export type Command =
  | { type: 'init'; backend: BackendPreference }
  | TrainCommand
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  | { type: 'stop'; runId: number };

/** One row of the training history: what Keras's `History` records per epoch. */
export interface EpochRecord {
  /** 1-based, as Keras prints it. */
  epoch: number;
  /** Mean training loss over the epoch's batches. */
  loss: number;
  valLoss: number;
  /** Training-set metric (accuracy or MAE) over the epoch. */
  metric: number;
  valMetric: number;
  /** Wall time of the epoch in milliseconds. */
  ms: number;
}

export type RunOutcome =
  | { kind: 'completed'; epochs: number }
  | { kind: 'stopped'; epoch: number }
  | { kind: 'diverged'; epoch: number; value: 'NaN' | 'Infinity' };

export type WorkerEvent =
  | { type: 'backend'; info: BackendInfo }
  | { type: 'runStarted'; runId: number; backend: BackendName; params: number }
  | { type: 'epoch'; runId: number; record: EpochRecord }
  | { type: 'paused'; runId: number; epoch: number }
  | { type: 'resumed'; runId: number }
  | { type: 'runEnded'; runId: number; outcome: RunOutcome; tensorsBefore: number; tensorsAfter: number }
  | { type: 'error'; runId: number | null; message: string };

/** The buffers a command can hand over without copying. */
export function transferables(command: Command): Transferable[] {
  if (command.type !== 'train') return [];
  const { xTrain, yTrain, xVal, yVal } = command.data;
  return [xTrain.buffer, yTrain.buffer, xVal.buffer, yVal.buffer];
}

/** The run an event belongs to, or null for events about the worker as a whole. */
export function runIdOf(event: WorkerEvent): number | null {
  return event.type === 'backend' ? null : event.runId;
}
