import { describe, expect, it } from 'vitest';
import { epochEvent, runEndedEvent, testConfig } from '../testing/fixtures';
import { TrainingClient } from './client';
import { FakeWorker } from './fakeWorker';
import type { TrainCommand, WorkerEvent } from './protocol';

const run = (): Omit<TrainCommand, 'type' | 'runId' | 'mode'> => ({
  layers: [{ id: 'a', kind: 'dense', units: 1, activation: 'linear' }],
  task: { kind: 'regression' },
  config: testConfig(),
  initialModel: null,
  data: {
    xTrain: new Float32Array(4),
    yTrain: new Float32Array(4),
    xVal: new Float32Array(4),
    yVal: new Float32Array(4),
    inputShape: [1],
    targetSize: 1,
    grid: null,
  },
});

function setup() {
  const workers: FakeWorker[] = [];
  const client = new TrainingClient('wasm', () => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  const events: WorkerEvent[] = [];
  client.subscribe((event) => events.push(event));
  return { client, workers, events };
}

describe('TrainingClient', () => {
  it('starts the worker only when first needed, and tells it the backend', () => {
    const { client, workers } = setup();
    expect(workers).toHaveLength(0);
    client.startRun(run());
    expect(workers).toHaveLength(1);
    expect(workers[0]!.commands[0]).toEqual({ type: 'init', backend: 'wasm' });
    expect(workers[0]!.commands[1]!.type).toBe('train');
  });

  it('transfers the data buffers instead of copying them', () => {
    const { client, workers } = setup();
    const payload = run();
    client.startRun(payload);
    expect(workers[0]!.transferred[1]).toEqual([
      payload.data.xTrain.buffer,
      payload.data.yTrain.buffer,
      payload.data.xVal.buffer,
      payload.data.yVal.buffer,
    ]);
  });

  it('drops events of runs that are no longer current', () => {
    const { client, workers, events } = setup();
    const first = client.startRun(run());
    const worker = workers[0]!;
    worker.emit(epochEvent(first, 1));
    const second = client.startRun(run());
    worker.emit(epochEvent(first, 2));
    worker.emit(runEndedEvent(first, { kind: 'stopped', epoch: 2 }));
    worker.emit(epochEvent(second, 1));
    expect(events).toEqual([epochEvent(first, 1), epochEvent(second, 1)]);
  });

  it('after abandon() forwards nothing of the old run but still forwards backend news', () => {
    const { client, workers, events } = setup();
    const id = client.startRun(run());
    client.abandon();
    expect(workers[0]!.commands.at(-1)).toEqual({ type: 'stop', runId: id });
    workers[0]!.emit(epochEvent(id, 1));
    workers[0]!.emit({ type: 'backend', info: { name: 'cpu', renderer: null, note: null, auto: false } });
    expect(events.map((e) => e.type)).toEqual(['backend']);
  });

  it('sends pause, resume, step, stop and learning-rate changes for the current run', () => {
    const { client, workers } = setup();
    const id = client.startRun(run());
    client.pause();
    client.resume();
    client.step();
    client.setLearningRate(0.5);
    client.stop();
    expect(workers[0]!.commands.slice(2)).toEqual([
      { type: 'pause', runId: id },
      { type: 'resume', runId: id },
      { type: 'step', runId: id },
      { type: 'setLearningRate', runId: id, learningRate: 0.5 },
      { type: 'stop', runId: id },
    ]);
  });

  it('turns a crash into an error of the current run and starts a fresh worker next time', () => {
    const { client, workers, events } = setup();
    const id = client.startRun(run());
    workers[0]!.crash('out of memory');
    expect(workers[0]!.terminated).toBe(true);
    expect(events).toEqual([
      { type: 'error', runId: id, message: expect.stringContaining('The training worker crashed (out of memory)') },
    ]);
    // Late messages from the dead worker are ignored.
    workers[0]!.emit(epochEvent(id, 1));
    expect(events).toHaveLength(1);
    const next = client.startRun(run());
    expect(workers).toHaveLength(2);
    expect(workers[1]!.commands.map((c) => c.type)).toEqual(['init', 'train']);
    workers[1]!.emit(epochEvent(next, 1));
    expect(events).toHaveLength(2);
  });

  it('kill() ends the worker and reports it as a crash of the current run; the next run gets a fresh worker', () => {
    const { client, workers, events } = setup();
    const id = client.startRun(run());
    workers[0]!.emit(epochEvent(id, 1));
    client.kill();
    expect(workers[0]!.terminated).toBe(true);
    expect(client.started).toBe(false);
    expect(events.slice(1)).toEqual([
      { type: 'error', runId: id, message: expect.stringContaining('The training worker crashed (it was ended on purpose)') },
    ]);
    // Whatever the dead worker still had in flight is dropped, and commands for the dead run go nowhere.
    workers[0]!.emit(epochEvent(id, 2));
    client.pause();
    expect(events).toHaveLength(2);
    expect(workers).toHaveLength(1);
    const next = client.startRun(run());
    expect(next).toBeGreaterThan(id);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.commands.map((c) => c.type)).toEqual(['init', 'train']);
    workers[1]!.emit(epochEvent(next, 1));
    expect(events.at(-1)).toEqual(epochEvent(next, 1));
  });

  it('kill() does nothing without a worker; an idle worker is reported as crashed with no run to blame', () => {
    const { client, workers, events } = setup();
    client.kill();
    expect(workers).toHaveLength(0);
    expect(events).toEqual([]);
    client.warmUp();
    client.kill();
    // A worker with no run: the crash is reported, with no run to blame.
    expect(events).toEqual([{ type: 'error', runId: null, message: expect.stringContaining('crashed') }]);
    client.kill();
    expect(events).toHaveLength(1);
  });
});
