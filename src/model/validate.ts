import { activations, type ActivationName } from './activations';
import { kindOf } from './layerKinds';
import { isRecurrent, type LayerSpec, type ModelSpec } from './layers';
import { limits } from './limits';
import { losses, type LossName } from './losses';
import { formatShape, summarize } from './summary';
import { describeTask, outputUnits, type TaskSpec } from './task';

/** A problem that stops the model from training, with the layer it is about (null for the whole model). */
export interface ModelIssue {
  layerIndex: number | null;
  message: string;
}

/**
 * The activation the model's output effectively has: the last activation
 * applied, looking back past Dropout. BatchNormalization rescales its input,
 * so after it the output is unbounded whatever came before.
 */
export function outputActivation(layers: readonly LayerSpec[]): ActivationName {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    // A recurrent layer's output is its activation of the state (LSTM: o·tanh(c), still within tanh's range).
    if (layer.kind === 'dense' || layer.kind === 'activation' || layer.kind === 'conv2d' || isRecurrent(layer)) return layer.activation;
    if (layer.kind === 'batchNormalization') return 'linear';
  }
  return 'linear';
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Checks a model against the data's task and the chosen loss; an empty list means it can train. */
export function validateModel(spec: ModelSpec, task: TaskSpec, loss: LossName): ModelIssue[] {
  const { layers } = spec;
  if (layers.length === 0) {
    return [{ layerIndex: null, message: 'Add at least one layer: a model with no layers has nothing to learn.' }];
  }
  const issues: ModelIssue[] = [];
  if (layers.length > limits.maxLayers) {
    issues.push({ layerIndex: null, message: `A model can have at most ${limits.maxLayers} layers (this one has ${layers.length}).` });
  }
  for (const [index, layer] of layers.entries()) {
    for (const message of kindOf(layer).check(layer)) issues.push({ layerIndex: index, message: `Layer ${index + 1}: ${message}` });
  }
  // A layer with impossible settings has no shape to infer from; stop here.
  if (issues.length > 0) return issues;
  for (const [index, layer] of layers.entries()) {
    if (layer.kind === 'dense' && layer.activation === 'softmax' && layer.units === 1) {
      issues.push({
        layerIndex: index,
        message: `Layer ${index + 1}: softmax on a single unit always outputs 1, so it cannot learn anything. Use sigmoid for a yes/no output.`,
      });
    }
  }

  const stacked = stackedRecurrentIssue(layers);
  if (stacked) return [stacked];

  const summary = summarize(spec.inputShape, layers);
  if (summary.shapeError) {
    const { layerIndex, message } = summary.shapeError;
    return [{ layerIndex, message: `Layer ${layerIndex + 1}: ${message}` }];
  }
  if (summary.totalParams > limits.maxParams) {
    issues.push({
      layerIndex: null,
      message: `The model has ${summary.totalParams.toLocaleString('en-US')} weights; the playground trains at most ${limits.maxParams.toLocaleString('en-US')} in a browser tab. Use fewer units.`,
    });
  }

  // tfjs's optimizers throw when there is nothing to train.
  if (summary.trainableParams === 0) {
    issues.push({
      layerIndex: null,
      message: 'The model has no weights to train: Dropout, Activation, MaxPooling2D, GlobalAveragePooling1D and Flatten layers only pass values on. Add a Dense layer.',
    });
  }

  const last = layers.length - 1;
  const want = outputUnits(task);
  const have = summary.outputShape[summary.outputShape.length - 1] ?? 0;
  if (summary.outputShape.length === 2 && spec.inputShape.length === 2) {
    issues.push(sequenceOutputIssue(layers, spec.inputShape, summary.outputShape));
  } else if (summary.outputShape.length > 1) {
    issues.push({
      layerIndex: last,
      message: `The last layer outputs ${formatShape(summary.outputShape)}, an image of features; add a Flatten layer before the output Dense layer.`,
    });
  } else if (have !== want) {
    issues.push({
      layerIndex: last,
      message: `This dataset is ${describeTask(task)}, so the last layer must output ${plural(want, 'value')}; it outputs ${have}.`,
    });
  }

  const lossInfo = losses[loss];
  if (!(lossInfo.tasks as readonly string[]).includes(task.kind)) {
    issues.push({
      layerIndex: null,
      message: `${lossInfo.label} does not suit ${describeTask(task)}.`,
    });
  }
  const out = outputActivation(layers);
  if (lossInfo.output !== 'any' && out !== lossInfo.output) {
    issues.push({
      layerIndex: last,
      message: `${lossInfo.label} needs a ${lossInfo.output} output; the last layer uses ${activations[out].label}.`,
    });
  }
  return issues;
}

/** Layers that keep a sequence a sequence and have no say in its steps. */
const passThrough = new Set<LayerSpec['kind']>(['dropout', 'activation', 'batchNormalization']);

/**
 * A recurrent layer reading the output of a recurrent layer that passes on
 * only its last step: Keras would fail with "expected ndim=3, found ndim=2".
 */
function stackedRecurrentIssue(layers: readonly LayerSpec[]): ModelIssue | null {
  for (const [index, layer] of layers.entries()) {
    if (!isRecurrent(layer)) continue;
    let before = index - 1;
    while (before >= 0 && passThrough.has(layers[before]!.kind)) before--;
    const previous = layers[before];
    if (previous && isRecurrent(previous) && !previous.returnSequences) {
      const name = kindOf(layer).label;
      const previousName = kindOf(previous).label;
      return {
        layerIndex: before,
        message: `Layer ${before + 1}: ${previousName} passes on only its last step, but layer ${index + 1} (${name}) needs the whole sequence. Turn on "Return sequences" on layer ${before + 1}.`,
      };
    }
  }
  return null;
}

/**
 * The model still outputs one value per step: a Dense layer on a sequence
 * works on each step apart, so something must first reduce the sequence.
 */
function sequenceOutputIssue(layers: readonly LayerSpec[], inputShape: readonly number[], output: readonly number[]): ModelIssue {
  const steps = output[0] ?? 0;
  const fix = `put a Flatten or a GlobalAveragePooling1D layer before it, or use a recurrent layer with "Return sequences" off, which passes on only the last step`;
  // Point at the first Dense that got the sequence: that is where the learner expected one vector.
  const shapes = summarize(inputShape, layers).rows.map((row) => row.outputShape);
  const firstDense = layers.findIndex((layer, i) => layer.kind === 'dense' && (i === 0 ? inputShape : shapes[i - 1]!).length === 2);
  if (firstDense >= 0) {
    return {
      layerIndex: firstDense,
      message: `Layer ${firstDense + 1}: this Dense layer gets a sequence of ${plural(steps, 'step')} and works on each step apart, so the model outputs ${formatShape(output)}, one prediction per step; ${fix}.`,
    };
  }
  return {
    layerIndex: layers.length - 1,
    message: `The last layer outputs ${formatShape(output)}, a sequence of ${plural(steps, 'step')}; to predict one value, ${fix}, then a Dense output layer.`,
  };
}
