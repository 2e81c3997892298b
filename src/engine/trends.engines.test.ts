import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../data/synthetic';
import { prepareData } from '../data/prepare';
import type { LayerSpec } from '../model/layers';
import { testConfig } from '../testing/fixtures';
import { QUANTILES, type LayerTrends } from './protocol';
import { RunControl } from './runControl';
import { buildModel } from './tf/buildModel';
import { lossFunctions } from './tf/objectives';
import { runTraining } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const layers: LayerSpec[] = [
  { id: 'a', kind: 'dense', units: 6, activation: 'tanh' },
  { id: 'b', kind: 'batchNormalization' },
  { id: 'c', kind: 'dense', units: 4, activation: 'relu' },
  { id: 'd', kind: 'dense', units: 1, activation: 'sigmoid' },
];
const data = () => ({ ...prepareData(generate('circle', { numPoints: 80, noise: 0.1, seed: 3 }), 0.25, 5), grid: null });

/** One epoch of one batch (all 60 training rows) with a learning rate too small to move anything, collecting the trends. */
async function trendsOf(engine: 'tfjs' | 'fused', epochs = 1): Promise<LayerTrends[]> {
  const control = new RunControl();
  control.probes = ['trends'];
  const reports: LayerTrends[] = [];
  const config = testConfig({ optimizer: 'sgd', learningRate: 1e-9, batchSize: 60, epochs, loss: 'binaryCrossentropy', seed: 9 });
  const result = await runTraining({ layers, task: { kind: 'binary' }, config, data: data(), engine }, control, {
    onEpoch: () => undefined,
    onProbe: (_epoch, probe) => {
      if (probe.trends) reports.push(probe.trends);
    },
  });
  expect(result.tensorsAfter).toBe(result.tensorsBefore);
  return reports;
}

/** The same norms from tf.grads on the initial weights, the way Keras's GradientTape would give them. */
function expected(): { norms: number[]; kernels: Float32Array[] } {
  const prepared = data();
  const model = buildModel([2], layers, 9);
  const x = tf.tensor2d(prepared.xTrain, [60, 2]);
  const y = tf.tensor2d(prepared.yTrain, [60, 1]);
  const kernels = model.trainableWeights.filter((w) => w.originalName.endsWith('kernel'));
  const { grads } = tf.variableGrads(() => lossFunctions.binaryCrossentropy(y, model.apply(x, { training: true }) as tf.Tensor), kernels.map((k) => k.read() as tf.Variable));
  const norms = kernels.map((k) => tf.norm(grads[k.name]!).dataSync()[0]!);
  const values = kernels.map((k) => k.read().dataSync() as Float32Array);
  tf.dispose([x, y, ...Object.values(grads)]);
  model.dispose();
  return { norms, kernels: values };
}

describe.each(['tfjs', 'fused'] as const)('layer trends on the %s engine', (engine) => {
  it('give each kernel’s gradient norm as tf.grads does, and its weights’ quantiles', async () => {
    const [trends] = await trendsOf(engine);
    expect(trends!.layers).toEqual([0, 2, 3]);
    expect(trends!.fromEpoch).toBe(1);
    const want = expected();
    Array.from(trends!.gradientNorms).forEach((norm, k) => expect(norm).toBeCloseTo(want.norms[k]!, 4));
    const q = QUANTILES.length;
    want.kernels.forEach((kernel, k) => {
      expect(trends!.weightQuantiles[k * q]).toBeCloseTo(Math.min(...kernel), 5);
      expect(trends!.weightQuantiles[k * q + q - 1]).toBeCloseTo(Math.max(...kernel), 5);
    });
  });

  it('arrive for every epoch of a run, in order', async () => {
    const reports = await trendsOf(engine, 5);
    let next = 1;
    for (const report of reports) {
      expect(report.fromEpoch).toBe(next);
      next += report.gradientNorms.length / report.layers.length;
    }
    expect(next).toBe(6);
  });
});
