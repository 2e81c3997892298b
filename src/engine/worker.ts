/// <reference lib="webworker" />
import { backendForRun, initBackend } from './backend';
import { eventTransferables, type Command, type WorkerEvent } from './protocol';
import { TrainingSession } from './session';

declare const self: DedicatedWorkerGlobalScope;

const session = new TrainingSession(
  (event: WorkerEvent) => self.postMessage(event, eventTransferables(event)),
  initBackend,
  backendForRun,
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
  }
};
