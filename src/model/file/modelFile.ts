import { describeIssue } from '../describeIssue';
import { kindOf } from '../layerKinds';
import type { LayerSpec } from '../layers';
import { limits } from '../limits';
import { parseSafeJson } from '../safeJson';
import { summarize } from '../summary';
import { base64ToBytes, bytesToBase64 } from './base64';
import { nonFiniteWeights } from './finiteWeights';
import { modelFileSchema, tfjsModelJsonSchema, type PlaygroundBlock } from './schema';
import { expectedWeightShapes, topologyToLayers } from './topology';

/** A weight tensor's entry in a tfjs model: its name, shape and type. */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

/** A trained model as tfjs saves it, with the weights as raw bytes. */
export interface SerializedModel {
  format: 'layers-model';
  generatedBy: string;
  convertedBy: string | null;
  modelTopology: Record<string, unknown>;
  weightSpecs: WeightSpec[];
  weightData: ArrayBuffer;
}

/** An imported model, checked and ready to restore. */
export interface ImportedModel {
  model: SerializedModel;
  inputShape: number[];
  layers: LayerSpec[];
  playground: PlaygroundBlock | null;
}

export type ImportResult = { ok: true; imported: ImportedModel } | { ok: false; message: string };

/** The one-file JSON: tfjs's ModelArtifacts fields with base64 weights, and the playground block. */
export function buildModelFile(model: SerializedModel, playground: PlaygroundBlock): string {
  return JSON.stringify({
    format: model.format,
    generatedBy: model.generatedBy,
    convertedBy: model.convertedBy,
    modelTopology: model.modelTopology,
    weightSpecs: model.weightSpecs,
    weightData: bytesToBase64(new Uint8Array(model.weightData)),
    playground,
  });
}

/** The standard pair that `tf.loadLayersModel` and `tensorflowjs_converter` read: model.json and weights.bin. */
export function buildTfjsPair(model: SerializedModel, playground: PlaygroundBlock): { modelJson: string; weightsBin: ArrayBuffer } {
  return {
    modelJson: JSON.stringify({
      format: model.format,
      generatedBy: model.generatedBy,
      convertedBy: model.convertedBy,
      modelTopology: model.modelTopology,
      weightsManifest: [{ paths: ['weights.bin'], weights: model.weightSpecs }],
      playground,
    }),
    weightsBin: model.weightData,
  };
}

/** JSON.parse that refuses keys which could pollute prototypes, wherever they are, with a message for each failure. */
export function parseJsonSafely(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const parsed = parseSafeJson(text);
  if (parsed.ok) return parsed;
  if (parsed.problem === 'forbiddenKey') {
    return { ok: false, message: `The file contains the key "${parsed.key}", which is never part of a model; it was not loaded.` };
  }
  if (parsed.problem === 'tooDeep') {
    return {
      ok: false,
      message: `The file is JSON, but nested too deeply: lists or objects inside each other more than ${parsed.limit} levels deep, which no model file is; it was not loaded.`,
    };
  }
  return {
    ok: false,
    message: parsed.truncated
      ? 'The file is not JSON. It stops in the middle, as if it was cut off while saving or downloading; export the model again.'
      : 'The file is not JSON.',
  };
}

/** Checks topology, sizes and weights against each other; the shared part of both import formats. */
function checkModel(model: SerializedModel, playground: PlaygroundBlock | null): ImportResult {
  const topology = topologyToLayers(model.modelTopology);
  if (!topology.ok) return topology;
  const { inputShape, layers } = topology;
  // Sizes and settings first, from the description alone: nothing is built or allocated for a model refused here.
  if (layers.length > limits.maxLayers) {
    return { ok: false, message: `The model has ${layers.length.toLocaleString('en-US')} layers; the playground builds at most ${limits.maxLayers}.` };
  }
  for (const [index, layer] of layers.entries()) {
    if (layer.kind === 'dense' && layer.units > limits.maxUnits) {
      return { ok: false, message: `Layer ${index + 1} has ${layer.units.toLocaleString('en-US')} units; the playground allows at most ${limits.maxUnits.toLocaleString('en-US')}.` };
    }
    const problem = kindOf(layer).check(layer)[0];
    if (problem) return { ok: false, message: `Layer ${index + 1}: ${problem}` };
  }
  const summary = summarize(inputShape, layers);
  if (summary.shapeError) return { ok: false, message: `Layer ${summary.shapeError.layerIndex + 1}: ${summary.shapeError.message}` };
  if (summary.totalParams > limits.maxParams) {
    return { ok: false, message: `The model has ${summary.totalParams.toLocaleString('en-US')} weights; the playground trains at most ${limits.maxParams.toLocaleString('en-US')}.` };
  }
  const expected = expectedWeightShapes(inputShape, layers);
  if (expected.length !== model.weightSpecs.length) {
    return { ok: false, message: `The weights do not match the model: it needs ${expected.length} weight tensors, the file has ${model.weightSpecs.length}.` };
  }
  for (const [i, spec] of model.weightSpecs.entries()) {
    const want = expected[i]!;
    if (spec.shape.join() !== want.shape.join()) {
      return {
        ok: false,
        message: `The weights do not match the model: "${spec.name}" has shape [${spec.shape.join(', ')}], but layer ${want.layerIndex + 1} needs [${want.shape.join(', ')}].`,
      };
    }
  }
  const values = model.weightSpecs.reduce((sum, spec) => sum + spec.shape.reduce((a, b) => a * b, 1), 0);
  if (model.weightData.byteLength !== values * 4) {
    return { ok: false, message: `The weights do not match the model: it needs ${values * 4} bytes of weights, the file has ${model.weightData.byteLength}.` };
  }
  const nonFinite = nonFiniteWeights(model.weightSpecs, model.weightData);
  if (nonFinite) return { ok: false, message: nonFinite };
  if (playground && playground.inputShape.join() !== inputShape.join()) {
    return { ok: false, message: 'The playground block and the model disagree on the shape of the input.' };
  }
  return { ok: true, imported: { model, inputShape, layers, playground } };
}

const serialized = (parsed: { generatedBy?: string | undefined; convertedBy?: string | null | undefined; modelTopology: Record<string, unknown> }) => ({
  format: 'layers-model' as const,
  generatedBy: parsed.generatedBy ?? 'unknown',
  convertedBy: parsed.convertedBy ?? null,
  modelTopology: parsed.modelTopology,
});

/** Reads a one-file model JSON, checking every field; says what is wrong otherwise. */
export function parseModelFile(text: string): ImportResult {
  const json = parseJsonSafely(text);
  if (!json.ok) return json;
  if (typeof json.value === 'object' && json.value !== null && 'weightsManifest' in json.value) {
    return { ok: false, message: 'This is the model.json of a model.json + weights.bin pair: choose both files together.' };
  }
  const parsed = modelFileSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, message: `The model file is not valid: ${describeIssue(parsed.error.issues[0]!)}.` };
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(parsed.data.weightData);
  } catch {
    return { ok: false, message: 'The model file is not valid: "weightData" is not base64.' };
  }
  const model: SerializedModel = {
    ...serialized(parsed.data),
    weightSpecs: parsed.data.weightSpecs as WeightSpec[],
    weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
  return checkModel(model, parsed.data.playground ?? null);
}

/** Reads the model.json + weights.bin pair. */
export function parseTfjsPair(modelJson: string, weightsBin: ArrayBuffer): ImportResult {
  const json = parseJsonSafely(modelJson);
  if (!json.ok) return json;
  const parsed = tfjsModelJsonSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, message: `model.json is not valid: ${describeIssue(parsed.error.issues[0]!)}.` };
  const model: SerializedModel = {
    ...serialized(parsed.data),
    weightSpecs: parsed.data.weightsManifest.flatMap((group) => group.weights) as WeightSpec[],
    weightData: weightsBin,
  };
  return checkModel(model, parsed.data.playground ?? null);
}
