import * as tf from '@tensorflow/tfjs';
import type { LayerSpec } from '../../model/layers';
import type { TaskSpec } from '../../model/task';
import type { TrainingConfig } from '../../model/trainingConfig';
import type { SerializedModel } from '../../model/file/modelFile';
import type { EpochStats, Readout, TrainingEngine, WeightSnapshot } from '../engine';
import { WEIGHT_VIEW_LIMIT } from '../../model/limits';
import type { TrainingData } from '../protocol';
import { buildModel, disposeRecurrentMasks } from './buildModel';
import { createOptimizer, disposeOptimizer } from './createOptimizer';
import { readBack, trainEpoch, type EpochResult } from './epoch';
import { setLearningRate } from './learningRate';
import { lossFunctions, metricFunction, withPenalties } from './objectives';
import { deserializeModel, serializeModel } from './serialize';
import { tfFeatureMapProbe } from './featureMaps';
import { measureForecast } from '../forecast';
import { kernelVariables, snapshotWeights, weightLayout, weightReadout } from './weights';
import { QUANTILES } from '../protocol';
import { quantilesInto } from '../trends';

export interface EngineRequest {
  layers: readonly LayerSpec[];
  task: TaskSpec;
  config: TrainingConfig;
  data: TrainingData;
  initialModel?: SerializedModel | null;
  /** Rows per batch, already fitted to the training rows. */
  batchSize: number;
  /** Weights to start from, in `model.getWeights()` order, instead of the built or imported ones. */
  startWeights?: Float32Array[] | null;
}

function disposeResult(result: EpochResult | null): void {
  if (result) tf.dispose([...result.sums, ...result.stepLosses, ...(result.gradientNorms ? [result.gradientNorms] : [])]);
}

/** Puts weights held in main memory into a tfjs model. */
export function setModelWeights(model: tf.LayersModel, values: readonly Float32Array[]): void {
  const current = model.getWeights();
  if (values.length !== current.length) throw new Error(`Expected ${current.length} weight arrays, got ${values.length}.`);
  const tensors = current.map((weight, i) => tf.tensor(values[i]!, weight.shape));
  try {
    model.setWeights(tensors);
  } finally {
    tf.dispose(tensors);
  }
}

/**
 * Training with tfjs on its current backend. Unlike `model.fit`, which reads
 * every batch's loss back (a GPU sync per batch on WebGL), the loss and
 * metric are summed on the device and read once per epoch, together with the
 * validation loss, the weights and any predictions, in a single read.
 */
export async function createTfEngine(request: EngineRequest): Promise<TrainingEngine> {
  const { config, data, task, batchSize } = request;
  const inputSize = data.inputShape.reduce((a, b) => a * b, 1);
  const numTrain = data.xTrain.length / inputSize;
  const numVal = data.xVal.length / inputSize;
  const metricFn = metricFunction(task);
  const model = request.initialModel ? await deserializeModel(request.initialModel) : buildModel(data.inputShape, request.layers, config.seed);
  // Training loss and val_loss both include the weight penalties, as Keras 3 reports them.
  const lossFn = withPenalties(model, lossFunctions[config.loss]);
  if (request.startWeights) setModelWeights(model, request.startWeights);
  const optimizer = createOptimizer(config.optimizer, config.learningRate);
  const xTrain = tf.tensor(data.xTrain, [numTrain, ...data.inputShape]);
  const yTrain = tf.tensor2d(data.yTrain, [numTrain, data.targetSize]);
  const xVal = tf.tensor(data.xVal, [numVal, ...data.inputShape]);
  const yVal = tf.tensor2d(data.yVal, [numVal, data.targetSize]);
  const grid = data.grid ? tf.tensor(data.grid, [data.grid.length / inputSize, ...data.inputShape]) : null;
  const probeGrid = data.probeGrid ? tf.tensor(data.probeGrid, [data.probeGrid.length / inputSize, ...data.inputShape]) : null;
  /** The model's Dense layers (spec index and units) and, built when first asked for, a model that outputs each of them. */
  const denseLayers = request.layers.flatMap((layer, i) => (layer.kind === 'dense' ? [{ index: i, units: layer.units }] : []));
  let neuronModel: tf.LayersModel | null = null;
  /** Feature maps for one image (see tfFeatureMapProbe: its model shares this one's layers). */
  const featureMapProbe = tfFeatureMapProbe(model, request.layers);
  const params = model.countParams();
  const kernels = kernelVariables(model);
  const kernelNames = kernels.map((kernel) => kernel.variable.name);
  const showWeights = params <= WEIGHT_VIEW_LIMIT;
  const predict = (x: tf.Tensor): tf.Tensor => model.apply(x, { training: false }) as tf.Tensor;
  /** The epoch's on-device sums and batch losses, and how many rows they cover. */
  let sums: EpochResult | null = null;
  let rowsSeen = 0;
  /** Steps of the last epoch, over which its gradient norms are summed. */
  let epochSteps = 0;
  /** Batches trained so far in this run: with the seed, they fix each batch's dropout masks. */
  let steps = 0;

  /** The weights and, when asked, the predictions, as tensors to read back; in this order. */
  const extras = (withPredictions: boolean, valPred?: tf.Tensor, withWeights = true): tf.Tensor[] => [
    ...(showWeights && withWeights ? [weightReadout(model)] : []),
    ...(withPredictions ? [valPred ?? predict(xVal), ...(grid ? [predict(grid)] : [])] : []),
  ];
  const toReadout = (parts: Float32Array[], withPredictions: boolean, withWeights = true): Readout => {
    const weights = showWeights && withWeights ? parts.shift()! : null;
    return { weights, predictions: withPredictions ? { validation: parts[0]!, grid: grid ? parts[1]! : null } : null };
  };

  return {
    params,
    kernelLayers: kernels.map((kernel) => kernel.layerIndex),
    weightLayout: showWeights ? weightLayout(model) : null,
    async trainEpoch(order, control, beforeBatch) {
      disposeResult(sums);
      const epochArgs = { model, optimizer, xTrain, yTrain, lossFn, metricFn, control, batchSize, order, beforeBatch };
      const tracked = control.probes.includes('trends') ? kernelNames : null;
      sums = await trainEpoch({ ...epochArgs, seed: config.seed, firstStep: steps, kernelNames: tracked });
      epochSteps = Math.ceil(order.length / batchSize);
      steps += epochSteps;
      rowsSeen = order.length;
      return sums !== null;
    },
    async report(withPredictions, withWeights = true, withTrends = false): Promise<EpochStats> {
      const epochSums = sums;
      if (!epochSums) throw new Error('No epoch has been trained to report on.');
      const norms = withTrends ? epochSums.gradientNorms : null;
      const [stats, stepLosses, ...parts] = await readBack(() => {
        const valPred = predict(xVal);
        const [lossSum, metricSum] = epochSums.sums;
        const means = [lossSum.div(rowsSeen), metricSum.div(rowsSeen), lossFn(yVal, valPred), metricFn(yVal, valPred)];
        // The trends' parts come first after the steps, so the readout's order is untouched.
        const trendParts = norms ? [norms.div(epochSteps), ...kernels.map((kernel) => kernel.variable.read())] : [];
        return [tf.stack(means), tf.stack(epochSums.stepLosses), ...trendParts, ...extras(withPredictions, valPred, withWeights)];
      });
      let trends: EpochStats['trends'] = null;
      if (norms) {
        const gradientNorms = parts.shift()!;
        const weightQuantiles = new Float32Array(kernels.length * QUANTILES.length);
        kernels.forEach((_, k) => quantilesInto(parts.shift()!, weightQuantiles, k * QUANTILES.length));
        trends = { gradientNorms, weightQuantiles };
      }
      disposeResult(epochSums);
      sums = null;
      const [loss, metric, valLoss, valMetric] = Array.from(stats!);
      return {
        loss: loss!,
        metric: metric!,
        stepLosses: stepLosses!,
        trends,
        valLoss: valLoss!,
        valMetric: valMetric!,
        ...toReadout(parts, withPredictions, withWeights),
      };
    },
    async evaluate() {
      const [stats] = await readBack(() => {
        const valPred = predict(xVal);
        return [tf.stack([lossFn(yVal, valPred), metricFn(yVal, valPred)])];
      });
      return { valLoss: stats![0]!, valMetric: stats![1]! };
    },
    async test() {
      if (!data.xTest || !data.yTest || data.xTest.length === 0) return null;
      const numTest = data.xTest.length / inputSize;
      // Made here and freed at once: the test rows are on the device only for this one measurement.
      const [xTest, yTest] = [tf.tensor(data.xTest, [numTest, ...data.inputShape]), tf.tensor2d(data.yTest, [numTest, data.targetSize])];
      try {
        const [stats, predictions] = await readBack(() => {
          const testPred = predict(xTest);
          return [tf.stack([lossFn(yTest, testPred), metricFn(yTest, testPred)]), testPred];
        });
        return { loss: stats![0]!, metric: stats![1]!, predictions: predictions! };
      } finally {
        tf.dispose([xTest, yTest]);
      }
    },
    async readout() {
      return toReadout(await readBack(() => extras(true)), true);
    },
    snapshot(): WeightSnapshot {
      // Clones share the device memory until training writes new values, so this is cheap.
      const copy = snapshotWeights(model);
      return { restore: () => model.setWeights(copy), dispose: () => tf.dispose(copy) };
    },
    setLearningRate(rate) {
      setLearningRate(optimizer, rate);
    },
    async probe(kinds, input) {
      const featureMaps = kinds.includes('featureMaps') && input ? await featureMapProbe(input) : null;
      const forecast = kinds.includes('forecast')
        ? await measureForecast(data, async (x, rows) => (await readBack(() => [predict(tf.tensor(x, [rows, ...data.inputShape]))]))[0]!)
        : null;
      if (!kinds.includes('neurons') || !probeGrid || denseLayers.length === 0) return { neurons: null, featureMaps, forecast };
      // Shares the trained model's layers and weights: it owns no tensors, so it is never disposed.
      const layers = model.layers.filter((layer) => layer.getClassName() !== 'InputLayer');
      neuronModel ??= tf.model({ inputs: model.inputs, outputs: denseLayers.map((layer) => layers[layer.index]!.output as tf.SymbolicTensor) });
      const probeModel = neuronModel;
      const values = await readBack(() => {
        const out = probeModel.predict(probeGrid);
        return Array.isArray(out) ? out : [out];
      });
      return { neurons: denseLayers.map((layer, k) => ({ layerIndex: layer.index, units: layer.units, values: values[k]! })), featureMaps, forecast };
    },
    exportWeights: () => Promise.all(model.getWeights().map(async (weight) => (await weight.data()) as Float32Array)),
    loadWeights: (values) => setModelWeights(model, values),
    serialize: () => serializeModel(model),
    dispose() {
      disposeResult(sums);
      tf.dispose([xTrain, yTrain, xVal, yVal, ...(grid ? [grid] : []), ...(probeGrid ? [probeGrid] : [])]);
      disposeOptimizer(optimizer);
      disposeRecurrentMasks(model);
      model.dispose();
    },
  };
}
