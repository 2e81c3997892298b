import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../data/rng';
import { testConfig } from '../testing/fixtures';
import type { BackendName, FeatureMaps, TrainCommand, WorkerEvent } from './protocol';
import { TrainingSession } from './session';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const PIXELS = 16;

/** 4×4 images of two classes (bright top half or bright bottom half), with noise. */
function trainCommand(runId: number, epochs: number, mode: TrainCommand['mode'] = 'run'): TrainCommand {
  const rng = createRng(runId);
  const image = (label: number) => Array.from({ length: PIXELS }, (_, i) => (Math.floor(i / 8) === label ? 0.8 : 0.1) + 0.1 * rng.next());
  const rows = (count: number) => {
    const labels = Array.from({ length: count }, (_, i) => i % 2);
    return { x: Float32Array.from(labels.flatMap(image)), y: Float32Array.from(labels.flatMap((l) => (l === 0 ? [1, 0] : [0, 1]))) };
  };
  const train = rows(32);
  const val = rows(8);
  return {
    type: 'train',
    runId,
    mode,
    initialModel: null,
    layers: [
      { id: 'c', kind: 'conv2d', filters: 3, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
      { id: 'p', kind: 'maxPooling2d', poolSize: 2 },
      { id: 'f', kind: 'flatten' },
      { id: 'o', kind: 'dense', units: 2, activation: 'softmax' },
    ],
    task: { kind: 'multiclass', numClasses: 2 },
    config: testConfig({ epochs, loss: 'categoricalCrossentropy', batchSize: 8 }),
    data: { xTrain: train.x, yTrain: train.y, xVal: val.x, yVal: val.y, inputShape: [4, 4, 1], targetSize: 2, grid: null },
  };
}

const waitFor = async (check: () => boolean, ms = 5000): Promise<void> => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const input = (id: number) => ({ id, values: Float32Array.from({ length: PIXELS }, (_, i) => (i < 8 ? 0.9 : 0.1)) });

describe.each(['cpu', 'js'] as const)('feature maps through the session (%s)', (backend: BackendName) => {
  function makeSession() {
    const events: WorkerEvent[] = [];
    const session = new TrainingSession(
      (event) => events.push(event),
      async () => ({ name: backend, renderer: null, note: null, auto: false }),
    );
    session.init(backend);
    const maps = (runId: number): FeatureMaps[] =>
      events.flatMap((event) => (event.type === 'probe' && event.runId === runId && event.result.featureMaps ? [event.result.featureMaps] : []));
    return { session, events, maps };
  }

  it('of a paused run are measured as soon as an input is set', async () => {
    const { session, events, maps } = makeSession();
    await session.watchProbes(['featureMaps']);
    const run = session.train(trainCommand(1, 20, 'step'));
    await waitFor(() => events.some((event) => event.type === 'paused'));
    expect(maps(1)).toEqual([]);
    await session.probeInput(input(4));
    expect(maps(1).map((m) => [m.inputId, m.layers.map((layer) => layer.shape)])).toEqual([
      [
        4,
        [
          [4, 4, 3],
          [2, 2, 3],
          [2],
        ],
      ],
    ]);
    const probabilities = Array.from(maps(1)[0]!.output);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    session.stop(1);
    await run;
  });

  it('follow a new input during a run at once, not only after an epoch', async () => {
    const { session, events, maps } = makeSession();
    await session.watchProbes(['featureMaps']);
    const run = session.train(trainCommand(2, 400));
    await waitFor(() => events.some((event) => event.type === 'epoch'));
    const sent = session.probeInput(input(11));
    await sent;
    expect(maps(2).some((m) => m.inputId === 11)).toBe(true);
    session.stop(2);
    await run;
  });

  it('come from the finished model after the run, which is disposed before the next run counts its tensors', async () => {
    const baseline = tf.memory().numTensors;
    const { session, events, maps } = makeSession();
    await session.watchProbes(['featureMaps']);
    await session.train(trainCommand(3, 2));
    const ended = events.find((event) => event.type === 'runEnded');
    expect(ended?.type === 'runEnded' && ended.model !== null).toBe(true);
    const during = maps(3).length;
    await session.probeInput(input(21));
    const after = maps(3).slice(during);
    expect(after.map((m) => m.inputId)).toEqual([21]);
    expect(after[0]!.layers).toHaveLength(3);
    // The probe of the finished model follows its runEnded, with the run's last epoch.
    const probe = events.at(-1)!;
    expect(probe).toMatchObject({ type: 'probe', runId: 3, epoch: 2 });
    // The model it was measured on holds tensors until the next run starts.
    expect(tf.memory().numTensors).toBeGreaterThan(baseline);
    await session.train(trainCommand(4, 1));
    const second = events.findLast((event) => event.type === 'runEnded');
    expect(second?.type === 'runEnded' && second.tensorsBefore).toBe(baseline);
    await session.probeInput(null);
    // Switching the backend drops the finished model too.
    session.init(backend);
    await session.probeInput(input(30));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(tf.memory().numTensors).toBe(baseline);
    expect(maps(4).some((m) => m.inputId === 30)).toBe(false);
  });
});
