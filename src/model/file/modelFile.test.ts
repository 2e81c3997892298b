import { describe, expect, it } from 'vitest';
import { parseModelFile, parseTfjsPair } from './modelFile';

/** A one-file model: Dense(units) on 2 inputs, with weights of the declared shapes (zeros unless told). */
function modelFile(units: number, extra: Record<string, unknown> = {}, weightBytes = (2 * units + units) * 4): Record<string, unknown> {
  return {
    format: 'layers-model',
    modelTopology: {
      class_name: 'Sequential',
      config: { layers: [{ class_name: 'Dense', config: { units, activation: 'linear', batch_input_shape: [null, 2] } }] },
    },
    weightSpecs: [
      { name: 'dense/kernel', shape: [2, units], dtype: 'float32' },
      { name: 'dense/bias', shape: [units], dtype: 'float32' },
    ],
    weightData: Buffer.alloc(Math.min(weightBytes, 1024)).toString('base64'),
    ...extra,
  };
}

const message = (text: string): string => {
  const result = parseModelFile(text);
  return result.ok ? 'accepted' : result.message;
};

describe('importing a model file', () => {
  it('accepts a well-formed file', () => {
    expect(parseModelFile(JSON.stringify(modelFile(1))).ok).toBe(true);
  });

  it('says when a file was cut off, and when it is not JSON at all', () => {
    const whole = JSON.stringify(modelFile(1));
    expect(message(whole.slice(0, 60))).toBe('The file is not JSON. It stops in the middle, as if it was cut off while saving or downloading; export the model again.');
    expect(message('<script>window.__pwned = 1</script>')).toBe('The file is not JSON.');
  });

  it('says a deeply nested file is JSON nested too deeply, whether the depth is in the topology or the whole file', () => {
    const deepTopology = modelFile(1, { modelTopology: JSON.parse(`${'['.repeat(300)}1${']'.repeat(300)}`) as unknown });
    const tooDeep = 'The file is JSON, but nested too deeply: lists or objects inside each other more than 256 levels deep, which no model file is; it was not loaded.';
    expect(message(JSON.stringify(deepTopology))).toBe(tooDeep);
    expect(message(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe(tooDeep);
    expect(parseTfjsPair(`{"a":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_001)}`, new ArrayBuffer(0))).toEqual({ ok: false, message: tooDeep });
  });

  it('refuses a billion units by the limit, before reading the weights', () => {
    expect(message(JSON.stringify(modelFile(1e9)))).toBe('Layer 1 has 1,000,000,000 units; the playground allows at most 4,096.');
  });

  it('refuses more layers than the playground builds, and layer settings it cannot train', () => {
    const activation = { class_name: 'Activation', config: { activation: 'relu' } };
    const deep = modelFile(1);
    const topology = deep.modelTopology as { config: { layers: unknown[] } };
    topology.config.layers.push(...Array.from({ length: 100_000 }, () => activation));
    expect(message(JSON.stringify(deep))).toBe('The model has 100,001 layers; the playground builds at most 64.');
    const dropout = modelFile(1);
    (dropout.modelTopology as { config: { layers: unknown[] } }).config.layers.push({ class_name: 'Dropout', config: { rate: 7 } });
    expect(message(JSON.stringify(dropout))).toMatch(/^Layer 2: Dropout rate must be at least 0 and below 1 \(it is 7\)/);
    expect(message(JSON.stringify(modelFile(0)))).toMatch(/^Layer 1: Units must be a whole number from 1 to 4,096 \(it is 0\)/);
  });

  it('refuses prototype keys by name', () => {
    expect(message(JSON.stringify(modelFile(1)).replace('"format"', '"__proto__": {"polluted": true}, "format"'))).toContain('the key "__proto__"');
    expect(message(JSON.stringify(modelFile(1, { constructor: { prototype: { polluted: true } } })))).toContain('the key "');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names what is missing or out of bounds in plain words', () => {
    const { weightData: _dropped, ...noWeights } = modelFile(1);
    expect(message(JSON.stringify(noWeights))).toBe('The model file is not valid: "weightData" is missing.');
    const config = { optimizer: 'adam', learningRate: 1e308, batchSize: 8, epochs: 1e12, loss: 'mse', validationSplit: 0.2, scaling: 'standard', seed: 1 };
    const block = { version: 1, dataset: { id: 'circle', label: 'Circle' }, task: { kind: 'regression' }, target: 'y', features: ['a', 'b'], inputShape: [2],
      encodings: [], classNames: null, scaler: { kind: 'none', offset: [], scale: [], fill: [] }, history: [],
      config: { ...config, earlyStopping: { enabled: false, patience: 1, minDelta: 0, restoreBestWeights: false } } };
    expect(message(JSON.stringify(modelFile(1, { playground: block })))).toBe('The model file is not valid: "playground.config.learningRate" must be at most 10.');
  });

  it('says which weight does not fit the layers', () => {
    const wrong = modelFile(1, { weightSpecs: [{ name: 'dense/kernel', shape: [3, 1], dtype: 'float32' }, { name: 'dense/bias', shape: [1], dtype: 'float32' }] });
    expect(message(JSON.stringify(wrong))).toBe('The weights do not match the model: "dense/kernel" has shape [3, 1], but layer 1 needs [2, 1].');
  });
});
