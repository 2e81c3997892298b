// The peers, as a person would use them: one sample at a time, on the page's thread.
// convnetjs and brain.js ship as CommonJS bundles without types.
import convnetjsModule from 'convnetjs';
import brainModule from 'brain.js/browser.js';
import type { Measurement } from './runners';
import type { Prepared } from './workloads';

interface ConvnetVol {
  w: Float64Array;
}
interface Convnet {
  Net: new () => { makeLayers(defs: object[]): void };
  Trainer: new (net: object, options: object) => { train(x: ConvnetVol, y: number | number[]): void };
  Vol: new (sx: number, sy: number, depth: number, fill: number) => ConvnetVol;
}
interface Brain {
  NeuralNetwork: new (options: object) => { train(data: { input: number[]; output: number[] }[], options: object): void };
}
const convnetjs = convnetjsModule as unknown as Convnet;
const brain = brainModule as unknown as Brain;

/** At most this many samples are timed for a peer: they are slow, and samples/s is what is compared. */
const SAMPLE_LIMIT = 1000;

const measurement = (p: Prepared, trainer: string, samples: number, ms: number, note?: string): Measurement => ({
  workload: p.workload.id,
  trainer,
  backend: 'js',
  msPerEpoch: (ms / samples) * p.data.numTrain,
  samplesPerSec: (samples / ms) * 1000,
  epochsPerSec: 1000 / ((ms / samples) * p.data.numTrain),
  ...(note ? { note } : {}),
});

function convnetLayers(p: Prepared): object[] | string {
  const [h, w, c] = p.data.inputShape.length === 3 ? p.data.inputShape : [1, 1, p.data.inputShape[0]!];
  const defs: object[] = [{ type: 'input', out_sx: w, out_sy: h, out_depth: c }];
  const layers = p.layers;
  for (const [i, layer] of layers.entries()) {
    const last = i === layers.length - 1;
    const dropout = layers[i + 1]?.kind === 'dropout' ? (layers[i + 1] as { rate: number }).rate : undefined;
    if (layer.kind === 'dense' && last) defs.push({ type: 'softmax', num_classes: Math.max(2, p.data.targetSize) });
    else if (layer.kind === 'dense') defs.push({ type: 'fc', num_neurons: layer.units, activation: layer.activation, ...(dropout ? { drop_prob: dropout } : {}) });
    else if (layer.kind === 'conv2d') defs.push({ type: 'conv', sx: layer.kernelSize, filters: layer.filters, stride: layer.strides, pad: 0, activation: layer.activation });
    else if (layer.kind === 'maxPooling2d') defs.push({ type: 'pool', sx: layer.poolSize, stride: layer.poolSize });
  }
  return defs;
}

export function runConvnet(p: Prepared): Measurement {
  const net = new convnetjs.Net();
  const layers = convnetLayers(p);
  if (typeof layers === 'string') return measurement(p, 'convnetjs', 1, Number.NaN, layers);
  net.makeLayers(layers);
  const { config } = p.workload;
  const trainer = new convnetjs.Trainer(net, { method: config.optimizer === 'sgd' ? 'sgd' : 'adam', learning_rate: config.learningRate, batch_size: config.batchSize, l2_decay: 0 });
  const size = p.data.xTrain.length / p.data.numTrain;
  const [h, w, c] = p.data.inputShape.length === 3 ? p.data.inputShape : [1, 1, size];
  const samples = Math.min(p.data.numTrain, SAMPLE_LIMIT);
  const vols = Array.from({ length: samples }, (_, r) => {
    const vol = new convnetjs.Vol(w!, h!, c!, 0);
    vol.w.set(p.data.xTrain.subarray(r * size, (r + 1) * size));
    return vol;
  });
  const label = (r: number): number => {
    if (p.data.targetSize === 1) return p.data.yTrain[r]! >= 0.5 ? 1 : 0;
    return p.data.yTrain.subarray(r * p.data.targetSize, (r + 1) * p.data.targetSize).indexOf(1);
  };
  const start = performance.now();
  for (let r = 0; r < samples; r++) trainer.train(vols[r]!, label(r));
  return measurement(p, 'convnetjs', samples, performance.now() - start, p.layers.some((l) => l.kind === 'batchNormalization') ? 'no batch normalization' : undefined);
}

export function runBrain(p: Prepared): Measurement {
  if (p.data.inputShape.length !== 1) return measurement(p, 'brain.js', 1, Number.NaN, 'no convolutions');
  const hidden = p.layers.flatMap((layer, i) => (layer.kind === 'dense' && i < p.layers.length - 1 ? [layer.units] : []));
  const activation = p.layers.find((layer) => layer.kind === 'dense' && layer.activation === 'tanh') ? 'tanh' : 'relu';
  const net = new brain.NeuralNetwork({ hiddenLayers: hidden, activation });
  const size = p.data.inputShape[0]!;
  const samples = Math.min(p.data.numTrain, SAMPLE_LIMIT);
  const data = Array.from({ length: samples }, (_, r) => ({
    input: Array.from(p.data.xTrain.subarray(r * size, (r + 1) * size)),
    output: Array.from(p.data.yTrain.subarray(r * p.data.targetSize, (r + 1) * p.data.targetSize)),
  }));
  const start = performance.now();
  net.train(data, { iterations: 1, errorThresh: 1e-9, learningRate: p.workload.config.learningRate });
  return measurement(p, 'brain.js', samples, performance.now() - start, 'one sample per step; no dropout or batch normalization');
}
