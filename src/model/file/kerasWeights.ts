/*
 * Python lines for a Keras script that starts from the playground's trained
 * weights: it reads the one-file model exported beside it, decodes the
 * base64 weights (see setSavedWeightsCode for their order), and scales the
 * inputs with the playground's fitted scaler, which those weights were
 * trained against, rather than fitting a new one on another split.
 */

const py = (value: string): string => JSON.stringify(value);

/**
 * Reads the model file; defines `saved`, and with `scaler` also `offset` and
 * `scale` (a series script computes the very same statistics itself).
 */
export function readSavedModelCode(modelFile: string, scaler = true): string[] {
  const read = [
    `# Start from the weights trained in the playground, saved beside this script as ${modelFile}.`,
    'import base64, json',
    `with open(${py(modelFile)}, encoding="utf-8") as f:`,
    '    saved = json.load(f)',
  ];
  if (!scaler) return read;
  return [
    ...read,
    '# The inputs are scaled as the playground scaled them: x\' = (x - offset) / scale.',
    'offset = np.asarray(saved["playground"]["scaler"]["offset"], dtype="float32")',
    'scale = np.asarray(saved["playground"]["scaler"]["scale"], dtype="float32")',
  ];
}

/**
 * Sets the model's weights from `saved` (after the model is built), and checks
 * they are the playground's model's, by name and shape. Within a layer tfjs
 * and Keras agree (kernel, recurrent kernel, bias; gamma, beta, moving mean,
 * moving variance), but tfjs saves every layer's trainable weights first and
 * only then the fixed ones (BatchNormalization's moving mean and variance),
 * where Keras takes each layer's weights together: they are put back in
 * Keras's order, layer by layer.
 */
export function setSavedWeightsCode(): string[] {
  return [
    'raw = base64.b64decode(saved["weightData"])',
    'weights, start = [], 0',
    'for spec in saved["weightSpecs"]:',
    '    count = int(np.prod(spec["shape"]))',
    '    weights.append((spec["name"].split("/")[-1], np.frombuffer(raw, dtype="<f4", count=count, offset=start).reshape(spec["shape"])))',
    '    start += 4 * count',
    'assert len(weights) == len(model.weights), "the saved weights do not fit this model"',
    '# tfjs saved the trainable weights of every layer first, then the fixed ones (BatchNormalization\'s moving',
    '# mean and variance); Keras wants each layer\'s together, trainable first.',
    'n_trainable = sum(len(layer.trainable_weights) for layer in model.layers)',
    'trainable, fixed = weights[:n_trainable], weights[n_trainable:]',
    'ordered = []',
    'for layer in model.layers:',
    '    ordered += [trainable.pop(0) for _ in layer.trainable_weights] + [fixed.pop(0) for _ in layer.non_trainable_weights]',
    'assert [(name, w.shape) for name, w in ordered] == [(v.name, tuple(v.shape)) for v in model.weights], "the saved weights do not fit this model"',
    'weights = [w for _, w in ordered]',
    'model.set_weights(weights)',
  ];
}
