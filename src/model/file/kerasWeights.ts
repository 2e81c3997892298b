/*
 * Python lines for a Keras script that starts from the playground's trained
 * weights: it reads the one-file model exported beside it, decodes the
 * base64 weights in the order of `weightSpecs` (tfjs saves each layer's
 * weights in Keras's own order: kernel, recurrent kernel, bias; gamma, beta,
 * moving mean, moving variance), and scales the inputs with the playground's
 * fitted scaler, which those weights were trained against, rather than
 * fitting a new one on another split.
 */

const py = (value: string): string => JSON.stringify(value);

/** Reads the model file and its scaler; defines `saved`, `offset` and `scale`. */
export function readSavedModelCode(modelFile: string): string[] {
  return [
    `# Start from the weights trained in the playground, saved beside this script as ${modelFile}.`,
    'import base64, json',
    `with open(${py(modelFile)}, encoding="utf-8") as f:`,
    '    saved = json.load(f)',
    '# The inputs are scaled as the playground scaled them: x\' = (x - offset) / scale.',
    'offset = np.asarray(saved["playground"]["scaler"]["offset"], dtype="float32")',
    'scale = np.asarray(saved["playground"]["scaler"]["scale"], dtype="float32")',
  ];
}

/** Sets the model's weights from `saved` (after the model is built), and checks they are the playground's model's. */
export function setSavedWeightsCode(): string[] {
  return [
    'raw = base64.b64decode(saved["weightData"])',
    'weights, start = [], 0',
    'for spec in saved["weightSpecs"]:',
    '    count = int(np.prod(spec["shape"]))',
    '    weights.append(np.frombuffer(raw, dtype="<f4", count=count, offset=start).reshape(spec["shape"]))',
    '    start += 4 * count',
    'assert [w.shape for w in weights] == [tuple(w.shape) for w in model.weights], "the saved weights do not fit this model"',
    'model.set_weights(weights)',
  ];
}
