/// <reference lib="webworker" />
import { backendForRun, backendWithoutWebgl, initBackend, webglContext } from './backend';
import { EventBatcher } from './eventBatcher';
import { setKernelMode } from './fused/kernelChoice';
import { eventTransferables, type Command, type WorkerEvent } from './protocol';
import { TrainingSession, type GpuWatch } from './session';

declare const self: DedicatedWorkerGlobalScope;

/** tfjs's WebGL canvas fires 'webglcontextlost' when the GPU is reset or taken away. */
const gpu: GpuWatch = {
  watch(onLost) {
    const gl = webglContext() as { canvas?: OffscreenCanvas } | null;
    const canvas = gl?.canvas;
    if (!canvas) return () => undefined;
    const listener = () => onLost();
    canvas.addEventListener('webglcontextlost', listener);
    return () => canvas.removeEventListener('webglcontextlost', listener);
  },
  lost: () => webglContext()?.isContextLost() ?? false,
  fallback: backendWithoutWebgl,
};

const outbox = new EventBatcher((events: WorkerEvent[]) => self.postMessage(events, events.flatMap(eventTransferables)));

const session = new TrainingSession(
  (event: WorkerEvent) => outbox.post(event),
  initBackend,
  backendForRun,
  gpu,
);

self.onmessage = (message: MessageEvent<Command>) => {
  const command = message.data;
  switch (command.type) {
    case 'init':
      session.init(command.backend);
      break;
    case 'train':
      void session.train(command);
      break;
    case 'pause':
      session.pause(command.runId);
      break;
    case 'resume':
      session.resume(command.runId);
      break;
    case 'step':
      session.step(command.runId);
      break;
    case 'stop':
      session.stop(command.runId);
      break;
    case 'exportModel':
      void session.exportModel(command.runId);
      break;
    case 'setLearningRate':
      session.setLearningRate(command.runId, command.learningRate);
      break;
    case 'watchWeights':
      void session.watchWeights(command.on);
      break;
    case 'watchProbes':
      void session.watchProbes(command.probes);
      break;
    case 'probeInput':
      void session.probeInput(command.input);
      break;
    case 'kernelMode':
      setKernelMode(command.mode);
      break;
    case 'loseWebglContext':
      // What a GPU reset does; only the test hooks send this.
      webglContext()?.getExtension('WEBGL_lose_context')?.loseContext();
      break;
  }
};
