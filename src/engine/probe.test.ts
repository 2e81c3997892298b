import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayerSpec } from '../model/layers';
import { testConfig } from '../testing/fixtures';
import type { TrainingEngine } from './engine';
import { createFusedEngine } from './fused/fusedEngine';
import type { TrainingData } from './protocol';
import { createTfEngine, type EngineRequest } from './tf/tfEngine';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

// A 2-2-1 network with weights chosen by hand: hidden = tanh(x·W1 + b1), out = sigmoid(h·W2 + b2).
const layers: LayerSpec[] = [
  { id: 'h', kind: 'dense', units: 2, activation: 'tanh' },
  { id: 'd', kind: 'dropout', rate: 0.5 },
  { id: 'o', kind: 'dense', units: 1, activation: 'sigmoid' },
];
const W1 = [0.5, -1, 2, 0.25]; // inputs × units, row-major
const b1 = [0.1, -0.2];
const W2 = [1.5, -0.75];
const b2 = [0.3];
const points = [
  [0, 0],
  [1, -1],
  [-0.5, 2],
];

function handComputed(): { hidden: number[]; output: number[] } {
  const hidden: number[] = [];
  const output: number[] = [];
  for (const [x1, x2] of points) {
    const h = [0, 1].map((j) => Math.tanh(x1! * W1[j]! + x2! * W1[2 + j]! + b1[j]!));
    hidden.push(...h);
    output.push(1 / (1 + Math.exp(-(h[0]! * W2[0]! + h[1]! * W2[1]! + b2[0]!))));
  }
  return { hidden, output };
}

function request(): EngineRequest {
  const data: TrainingData = {
    xTrain: Float32Array.of(0, 0, 1, 1),
    yTrain: Float32Array.of(0, 1),
    xVal: Float32Array.of(0, 0),
    yVal: Float32Array.of(0),
    inputShape: [2],
    targetSize: 1,
    grid: null,
    probeGrid: Float32Array.from(points.flat()),
  };
  return {
    layers,
    task: { kind: 'binary' },
    config: testConfig({ loss: 'binaryCrossentropy' }),
    data,
    batchSize: 2,
    startWeights: [W1, b1, W2, b2].map((values) => Float32Array.from(values)),
  };
}

describe.each([
  ['tfjs', createTfEngine],
  ['fused', createFusedEngine],
] as const)('the neuron probe on the %s engine', (_name, create) => {
  it('gives each Dense layer’s outputs over the probe grid, as computed by hand (dropout off)', async () => {
    const before = tf.memory().numTensors;
    const engine: TrainingEngine = await create(request());
    try {
      const { neurons } = await engine.probe(['neurons']);
      expect(neurons?.map((layer) => [layer.layerIndex, layer.units])).toEqual([
        [0, 2],
        [2, 1],
      ]);
      const expected = handComputed();
      Array.from(neurons![0]!.values).forEach((v, i) => expect(v).toBeCloseTo(expected.hidden[i]!, 5));
      Array.from(neurons![1]!.values).forEach((v, i) => expect(v).toBeCloseTo(expected.output[i]!, 5));
      expect((await engine.probe([])).neurons).toBeNull();
    } finally {
      engine.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('probes during a run', () => {
  it('are measured while a view watches them, and once at the end even when none does', async () => {
    const { runTraining } = await import('./trainer');
    const { RunControl } = await import('./runControl');
    const run = async (watch: boolean) => {
      const control = new RunControl();
      if (watch) control.probes = ['neurons'];
      const epochs: number[] = [];
      const { startWeights: _start, batchSize: _batch, ...rest } = request();
      await runTraining({ ...rest, config: testConfig({ loss: 'binaryCrossentropy', epochs: 3, batchSize: 2 }), engine: 'fused' }, control, {
        onEpoch: () => undefined,
        onProbe: (epoch, result) => {
          expect(result.neurons).toHaveLength(2);
          epochs.push(epoch);
        },
      });
      return epochs;
    };
    // Watched: the first epoch at once, then at most every PROBE_INTERVAL_MS, and the end.
    expect((await run(true))[0]).toBe(1);
    expect((await run(true)).at(-1)).toBe(3);
    expect(await run(false)).toEqual([3]);
  });
});
