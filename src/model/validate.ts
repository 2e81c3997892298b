import { activations, type ActivationName } from './activations';
import { kindOf } from './layerKinds';
import type { LayerSpec, ModelSpec } from './layers';
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
    if (layer.kind === 'dense' || layer.kind === 'activation' || layer.kind === 'conv2d') return layer.activation;
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
      message: 'The model has no weights to train: Dropout, Activation, MaxPooling2D and Flatten layers only pass values on. Add a Dense layer.',
    });
  }

  const last = layers.length - 1;
  const want = outputUnits(task);
  const have = summary.outputShape[summary.outputShape.length - 1] ?? 0;
  if (summary.outputShape.length > 1) {
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
