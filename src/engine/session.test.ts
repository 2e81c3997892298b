import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../data/synthetic';
import { prepareData } from '../data/prepare';
import { testConfig } from '../testing/fixtures';
import type { TrainCommand, WorkerEvent } from './protocol';
import { TrainingSession } from './session';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function trainCommand(runId: number, epochs: number): TrainCommand {
  const prepared = prepareData(generate('spiral', { numPoints: 200, noise: 0.1, seed: 1 }), 0.25, 1);
  return {
    type: 'train',
    runId,
    mode: 'run',
    initialModel: null,
    layers: [
      { id: 'a', kind: 'dense', units: 8, activation: 'relu' },
      { id: 'b', kind: 'dense', units: 1, activation: 'sigmoid' },
    ],
    task: { kind: 'binary' },
    config: testConfig({ epochs, loss: 'binaryCrossentropy' }),
    data: { ...prepared, grid: null },
  };
}

function makeSession() {
  const events: WorkerEvent[] = [];
  const session = new TrainingSession(
    (event) => events.push(event),
    async () => ({ name: 'cpu', renderer: null, note: null, auto: false }),
  );
  session.init('cpu');
  return { session, events };
}

const waitFor = async (check: () => boolean, ms = 5000): Promise<void> => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('TrainingSession (the worker behind its message switch)', () => {
  it('reports the backend, then a run from start to end', async () => {
    const { session, events } = makeSession();
    await session.train(trainCommand(1, 3));
    const types = events.map((e) => e.type);
    expect(types.filter((t) => t !== 'predictions')).toEqual(['backend', 'runStarted', 'epoch', 'epoch', 'epoch', 'runEnded']);
    // Predictions follow the first epoch, and the final ones come just before the end.
    expect(types.slice(2, 4)).toEqual(['epoch', 'predictions']);
    expect(types.slice(-2)).toEqual(['predictions', 'runEnded']);
    const ended = events[events.length - 1]!;
    expect(ended).toMatchObject({ type: 'runEnded', runId: 1, outcome: { kind: 'completed', epochs: 3 } });
    if (ended.type === 'runEnded') expect(ended.tensorsAfter).toBe(ended.tensorsBefore);
  });

  it('a new run stops the previous one first, so only one ever trains', async () => {
    const before = tf.memory().numTensors;
    const { session, events } = makeSession();
    const first = session.train(trainCommand(1, 500));
    await waitFor(() => events.some((e) => e.type === 'epoch'));
    await session.train(trainCommand(2, 2));
    await first;
    const ends = events.filter((e) => e.type === 'runEnded');
    expect(ends.map((e) => [e.runId, e.outcome.kind])).toEqual([
      [1, 'stopped'],
      [2, 'completed'],
    ]);
    const firstEnd = events.findIndex((e) => e.type === 'runEnded' && e.runId === 1);
    expect(events.slice(firstEnd).some((e) => e.type === 'epoch' && e.runId === 1)).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports the pause once the loop has stopped, with the last finished epoch; resumes; ignores other runs', async () => {
    const { session, events } = makeSession();
    const run = session.train(trainCommand(7, 6));
    await waitFor(() => events.some((e) => e.type === 'epoch'));
    session.pause(99);
    session.pause(7);
    await waitFor(() => events.some((e) => e.type === 'paused'));
    const paused = events.find((e) => e.type === 'paused');
    expect(paused).toMatchObject({ runId: 7 });
    const epochsAtPause = events.filter((e) => e.type === 'epoch').length;
    // Nothing of the run comes after its pause is reported.
    if (paused?.type === 'paused') expect(paused.epoch).toBe(epochsAtPause);
    expect(events.at(-1)).toBe(paused);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.filter((e) => e.type === 'epoch')).toHaveLength(epochsAtPause);
    session.resume(7);
    await run;
    expect(events.filter((e) => e.type === 'epoch')).toHaveLength(6);
    expect(events.map((e) => e.type)).toContain('resumed');
  });

  it('a run started in step mode pauses after exactly one epoch', async () => {
    const { session, events } = makeSession();
    const run = session.train({ ...trainCommand(5, 50), mode: 'step' });
    await waitFor(() => events.some((e) => e.type === 'paused'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.filter((e) => e.type === 'epoch')).toHaveLength(1);
    expect(events.find((e) => e.type === 'paused')).toMatchObject({ runId: 5, epoch: 1 });
    session.stop(5);
    await run;
  });

  it('turns a model tfjs rejects into an error event of that run', async () => {
    const { session, events } = makeSession();
    const command = trainCommand(3, 1);
    command.data = { ...command.data, inputShape: [5] };
    await session.train(command);
    expect(events[events.length - 1]).toMatchObject({ type: 'error', runId: 3, message: expect.stringMatching(/^Training failed/) });
  });
});

describe('weights in epoch events', () => {
  it('come only while the page shows them, and the final ones always', async () => {
    const { session, events } = makeSession();
    session.watchWeights(false);
    await session.train(trainCommand(1, 2));
    const epochs = events.filter((event) => event.type === 'epoch');
    expect(epochs.every((event) => event.type === 'epoch' && event.weights === null)).toBe(true);
    const ended = events.at(-1)!;
    expect(ended.type === 'runEnded' && ended.weights !== null).toBe(true);
    session.watchWeights(true);
    await session.train(trainCommand(2, 2));
    expect(events.filter((event) => event.type === 'epoch' && event.runId === 2 && event.weights !== null)).toHaveLength(2);
  });

  it('of a paused run are sent as soon as the page starts showing them', async () => {
    const { session, events } = makeSession();
    session.watchWeights(false);
    const step: TrainCommand = { ...trainCommand(1, 5), mode: 'step' };
    void session.train(step);
    await waitFor(() => events.some((event) => event.type === 'paused'));
    expect(events.some((event) => event.type === 'weights')).toBe(false);
    await session.watchWeights(true);
    const sent = events.find((event) => event.type === 'weights');
    expect(sent?.type === 'weights' && sent.weights.length).toBe(2 * 8 + 8 + 8 + 1);
    session.stop(1);
  });
});
