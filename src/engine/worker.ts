/// <reference lib="webworker" />
import { backendForRun, initBackend } from './backend';
import { EventBatcher } from './eventBatcher';
import { setKernelMode } from './fused/kernelChoice';
import { eventTransferables, type Command, type WorkerEvent } from './protocol';
import { gpuWatch, loseGpu } from './gpuLoss';
import { TrainingSession } from './session';

declare const self: DedicatedWorkerGlobalScope;

const outbox = new EventBatcher((events: WorkerEvent[]) => self.postMessage(events, events.flatMap(eventTransferables)));

const session = new TrainingSession(
  (event: WorkerEvent) => outbox.post(event),
  initBackend,
  backendForRun,
  gpuWatch,
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
    case 'loseGpu':
      loseGpu();
      break;
  }
};
