import { setModelWeights, type EngineRequest } from '../tf/tfEngine';
import type { EpochStats, Readout, TrainingEngine, WeightSnapshot } from '../engine';
import { WEIGHT_VIEW_LIMIT } from '../../model/limits';
import { buildModel } from '../tf/buildModel';
import { deserializeModel, serializeModel } from '../tf/serialize';
import { weightLayout } from '../tf/weights';
import { fusedFeatureMaps } from './featureMaps';
import { measureForecast } from '../forecast';
import { createKernels } from './kernelChoice';
import type { Kernels } from './kernels';
import { FusedNet } from './net';
import { lossAndMetric } from './objectives';
import { createFusedOptimizer, OPTIMIZER_SLOTS } from './optimizer';
import { QUANTILES } from '../protocol';
import { l2Norm, quantilesInto } from '../trends';

/**
 * Training a dense model with FusedNet, in plain JavaScript. The tfjs model
 * is built (or imported) only for its initial weights, its weight layout and,
 * at export, to be saved with the trained weights put back.
 */
export async function createFusedEngine(request: EngineRequest): Promise<TrainingEngine> {
  const { config, data, task, batchSize } = request;
  const inputSize = data.inputShape.reduce((a, b) => a * b, 1);
  const k = data.targetSize;
  const numVal = data.xVal.length / inputSize;
  const numGrid = data.grid ? data.grid.length / inputSize : 0;
  const model = request.initialModel ? await deserializeModel(request.initialModel) : buildModel(data.inputShape, request.layers, config.seed);
  let net: FusedNet;
  let math: Kernels | null = null;
  try {
    math = await createKernels(FusedNet.floatsNeeded(data.inputShape, request.layers, batchSize, OPTIMIZER_SLOTS[config.optimizer]));
    net = new FusedNet(data.inputShape, request.layers, batchSize, config.seed * 7907 + 1, math);
    net.setWeights(request.startWeights ?? model.getWeights().map((weight) => weight.dataSync() as Float32Array));
  } catch (error) {
    math?.release();
    model.dispose();
    throw error;
  }
  const optimizer = createFusedOptimizer(config.optimizer, config.learningRate, math);
  const params = model.countParams();
  const showWeights = params <= WEIGHT_VIEW_LIMIT;
  const layout = showWeights ? weightLayout(model) : null;
  const target = new Float32Array(batchSize * k);
  /** Each batch's loss and metric sums, in one object for the whole run. */
  const batchSums = { loss: 0, metric: 0 };
  let lossSum = 0;
  let metricSum = 0;
  let rowsSeen = 0;
  /** The loss of each batch of the last epoch. */
  let stepLosses = new Float32Array(0);
  const kernels = net.kernels();
  /** Σ over the last epoch's steps of each kernel's gradient norm, when the epoch tracked them; null otherwise. */
  let gradientNormSums: Float64Array | null = null;

  const predictions = (x: Float32Array, rows: number): Float32Array => {
    const out = new Float32Array(rows * net.outputSize);
    net.predict(x, rows, out);
    return out;
  };
  const weightsNow = (): Float32Array | null => {
    if (!showWeights) return null;
    const parts = net.layerWeights();
    const flat = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      flat.set(part, offset);
      offset += part.length;
    }
    return flat;
  };
  /** The validation rows' outputs, reused every epoch; what is handed on is a copy of it. */
  /** Weight copies of disposed snapshots, to copy the next ones into. */
  const spareCopies: Float32Array[][] = [];
  const valOut = new Float32Array(numVal * net.outputSize);
  const validation = (): { valLoss: number; valMetric: number; validation: Float32Array } => {
    const out = valOut;
    net.predict(data.xVal, numVal, out);
    const sums = lossAndMetric(config.loss, task, out, data.yVal, numVal, k, null);
    // Keras 3's val_loss includes the weight penalties, as its training loss does.
    return { valLoss: sums.loss / numVal + net.penalty(), valMetric: sums.metric / numVal, validation: out };
  };
  const readoutWith = (validationOut: Float32Array): Readout => ({
    weights: weightsNow(),
    predictions: { validation: validationOut, grid: data.grid ? predictions(data.grid, numGrid) : null },
  });

  return {
    params,
    kernelLayers: kernels.map((kernel) => kernel.layerIndex),
    weightLayout: layout,
    async trainEpoch(order, control, beforeBatch) {
      lossSum = 0;
      metricSum = 0;
      rowsSeen = 0;
      // A fresh array each epoch: the one reported for the last epoch is handed on.
      stepLosses = new Float32Array(Math.ceil(order.length / batchSize));
      gradientNormSums = control.probes.includes('trends') ? new Float64Array(kernels.length) : null;
      const input = net.input;
      const { xTrain, yTrain } = data;
      for (let start = 0; start < order.length; start += batchSize) {
        if (control.due() && !(await control.checkpoint())) return false;
        beforeBatch();
        // Copied value by value: a subarray per row allocated more than the small models' arithmetic costs.
        for (let r = 0; r < batchSize; r++) {
          const row = order[start + r]!;
          for (let i = 0, from = row * inputSize, to = r * inputSize; i < inputSize; i++) input[to + i] = xTrain[from + i]!;
          for (let i = 0, from = row * k, to = r * k; i < k; i++) target[to + i] = yTrain[from + i]!;
        }
        const output = net.trainForward();
        const sums = lossAndMetric(config.loss, task, output, target, batchSize, k, net.outputGrad, batchSize, batchSums);
        // The penalties at the weights this batch was computed with, as tfjs's objective includes them.
        const penalty = net.penalty();
        lossSum += sums.loss + penalty * batchSize;
        metricSum += sums.metric;
        stepLosses[start / batchSize] = sums.loss / batchSize + penalty;
        rowsSeen += batchSize;
        net.backward();
        net.addPenaltyGradients();
        if (gradientNormSums) for (let k = 0; k < kernels.length; k++) gradientNormSums[k]! += l2Norm(kernels[k]!.kernel.grad);
        optimizer.step(net.params);
      }
      return true;
    },
    async report(withPredictions, withWeights = true, withTrends = false): Promise<EpochStats> {
      const { valLoss, valMetric, validation: out } = validation();
      const readout = withPredictions ? readoutWith(out.slice()) : { weights: withWeights ? weightsNow() : null, predictions: null };
      if (!withWeights) readout.weights = null;
      let trends: EpochStats['trends'] = null;
      if (withTrends && gradientNormSums) {
        const steps = stepLosses.length;
        const weightQuantiles = new Float32Array(kernels.length * QUANTILES.length);
        kernels.forEach(({ kernel }, k) => quantilesInto(kernel.value, weightQuantiles, k * QUANTILES.length));
        trends = { gradientNorms: Float32Array.from(gradientNormSums, (sum) => sum / steps), weightQuantiles };
      }
      return { loss: lossSum / rowsSeen, metric: metricSum / rowsSeen, stepLosses, trends, valLoss, valMetric, ...readout };
    },
    async evaluate() {
      const { valLoss, valMetric } = validation();
      return { valLoss, valMetric };
    },
    async test() {
      if (!data.xTest || !data.yTest || data.xTest.length === 0) return null;
      const numTest = data.xTest.length / inputSize;
      const out = predictions(data.xTest, numTest);
      const sums = lossAndMetric(config.loss, task, out, data.yTest, numTest, k, null);
      // With the weight penalties, as val_loss and Keras's model.evaluate count them.
      return { loss: sums.loss / numTest + net.penalty(), metric: sums.metric / numTest, predictions: out };
    },
    async readout() {
      return readoutWith(validation().validation.slice());
    },
    snapshot(): WeightSnapshot {
      // Copies into arrays a disposed snapshot gave back: the trainer takes one every epoch.
      const copy = spareCopies.pop() ?? net.weights().map((weight) => new Float32Array(weight.length));
      net.weights().forEach((weight, i) => copy[i]!.set(weight));
      let disposed = false;
      return {
        restore: () => net.setWeights(copy),
        dispose: () => {
          if (disposed) return;
          disposed = true;
          spareCopies.push(copy);
        },
      };
    },
    setLearningRate(rate) {
      optimizer.learningRate = rate;
    },
    async probe(kinds, input) {
      const featureMaps = kinds.includes('featureMaps') && input ? fusedFeatureMaps(net, data.inputShape, request.layers, input) : null;
      // The model's output is the last layer's.
      const last = request.layers.length - 1;
      const forecast = kinds.includes('forecast') ? await measureForecast(data, async (x, rows) => net.layerOutputs(x, rows, [last])[0]!) : null;
      const grid = data.probeGrid;
      if (!kinds.includes('neurons') || !grid) return { neurons: null, featureMaps, forecast };
      const dense = request.layers.flatMap((layer, i) => (layer.kind === 'dense' ? [{ index: i, units: layer.units }] : []));
      const outputs = net.layerOutputs(grid, grid.length / inputSize, dense.map((layer) => layer.index));
      return { neurons: dense.map((layer, k) => ({ layerIndex: layer.index, units: layer.units, values: outputs[k]! })), featureMaps, forecast };
    },
    exportWeights: async () => net.weights().map((weight) => weight.slice()),
    loadWeights: (values) => net.setWeights(values),
    async serialize() {
      setModelWeights(model, net.weights());
      return serializeModel(model);
    },
    dispose() {
      model.dispose();
      // The network's arrays go back to the kernels' memory; nothing handed out is a view of them.
      math?.release();
    },
  };
}
