import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { prepareData } from '../data/prepare';
import { TrainingClient } from '../engine/client';
import { FakeWorker } from '../engine/fakeWorker';
import { buildModelFile } from '../model/file/modelFile';
import { playgroundBlockSchema, type PlaygroundBlock } from '../model/file/schema';
import { readSnapshot, snapshotOf } from './experimentSchema';
import { exportMetaFor } from './exportMeta';
import type { PickedFile } from './importSlice';
import { experimentProblems } from './problems';
import { experimentHash } from './share';
import { createPlaygroundStore } from './store';

const memoryStorage = (): StateStorage => {
  const data: Record<string, string> = {};
  return { getItem: (name) => data[name] ?? null, setItem: (name, value) => void (data[name] = value), removeItem: (name) => void delete data[name] };
};

const makeStore = (storage: StateStorage = memoryStorage(), hash = '') =>
  createPlaygroundStore({
    client: new TrainingClient('auto', () => new FakeWorker()),
    files: { text: async () => '', bytes: async () => new Uint8Array() },
    parseCsv: async () => ({ ok: false, message: 'not used' }),
    storage,
    hash,
  });

type Store = ReturnType<typeof makeStore>;

const readyTable = (store: Store) => {
  const dataset = store.getState().dataset;
  if (dataset.status !== 'ready') throw new Error(`dataset is ${dataset.status}`);
  return dataset.table;
};

/** Class 1 near the origin, class 0 around it. */
function drawRing(store: Store): void {
  const { addDrawnPoint } = store.getState();
  addDrawnPoint(0.5, 0, 1);
  addDrawnPoint(-0.5, 0.5, 1);
  addDrawnPoint(4, 0, 0);
  addDrawnPoint(0, -4, 0);
  addDrawnPoint(-3, 3, 0);
}

describe('the input features of your own points', () => {
  it('build the drawn table from the chosen features; the points stay in the plane', () => {
    const store = makeStore();
    store.getState().selectDataset('drawn');
    drawRing(store);
    expect(readyTable(store).featureNames).toEqual(['x1', 'x2']);
    expect(readyTable(store).plane).toBeUndefined();
    store.getState().setDrawnFeatures(['x2²', 'x1²']);
    const table = readyTable(store);
    expect(store.getState().drawn.features).toEqual(['x1²', 'x2²']);
    expect(table.featureNames).toEqual(['x1²', 'x2²']);
    expect(Array.from(table.plane!.slice(0, 4))).toEqual([0.5, 0, -0.5, 0.5]);
    expect(Array.from(table.features.slice(0, 4))).toEqual([0.25, 0, 0.25, 0.25]);
    // Points drawn, the task changed, a start from a generated set, another set and back: the features stay.
    store.getState().addDrawnPoint(1, 1, 1);
    store.getState().setDrawnTask('regression');
    expect(readyTable(store).featureNames).toEqual(['x1²', 'x2²']);
    store.getState().setDrawnTask('binary');
    store.getState().startDrawnFrom('circle');
    expect(readyTable(store).featureNames).toEqual(['x1²', 'x2²']);
    store.getState().selectDataset('circle');
    expect(readyTable(store).featureNames).toEqual(['x1', 'x2']);
    store.getState().selectDataset('drawn');
    expect(readyTable(store).featureNames).toEqual(['x1²', 'x2²']);
  });

  it('with none ticked, give the reason in words and train nothing', async () => {
    const store = makeStore();
    store.getState().selectDataset('drawn');
    drawRing(store);
    store.getState().setDrawnFeatures([]);
    const { layers, config } = store.getState();
    const problems = experimentProblems(readyTable(store), layers, config);
    expect(problems).toContain('No input feature is ticked: tick at least one under "Input features" (x1 and x2 are the point itself).');
    await store.getState().train();
    expect(store.getState().run.phase).toBe('idle');
  });

  it('survive a reload and travel in a link with the points; older snapshots without them read as x1, x2', () => {
    const storage = memoryStorage();
    const first = makeStore(storage);
    first.getState().selectDataset('drawn');
    drawRing(first);
    first.getState().setDrawnFeatures(['x1', 'x1·x2', 'sin(x2)']);
    const reloaded = makeStore(storage);
    expect(reloaded.getState().drawn).toEqual(first.getState().drawn);
    expect(readyTable(reloaded).featureNames).toEqual(['x1', 'x1·x2', 'sin(x2)']);
    const snapshot = snapshotOf(first.getState())!;
    expect(snapshot.drawn?.features).toEqual(['x1', 'x1·x2', 'sin(x2)']);
    const linked = makeStore(memoryStorage(), experimentHash(snapshot));
    expect(snapshotOf(linked.getState())).toEqual(snapshot);
    expect(readyTable(linked).featureNames).toEqual(['x1', 'x1·x2', 'sin(x2)']);
    const { features: _features, ...older } = snapshot.drawn!;
    const read = readSnapshot(JSON.stringify({ ...snapshot, drawn: older }));
    expect(read).toMatchObject({ ok: true });
    const opened = makeStore(memoryStorage(), experimentHash({ ...snapshot, drawn: older }));
    expect(readyTable(opened).featureNames).toEqual(['x1', 'x2']);
    expect(readSnapshot(JSON.stringify({ ...snapshot, drawn: { ...older, features: ['x3'] } })).ok).toBe(false);
  });

  it('go with the Keras script and the model file: the points in the CSV, the features as formulas', () => {
    const store = makeStore();
    store.getState().selectDataset('drawn');
    drawRing(store);
    store.getState().setDrawnFeatures(['x1²', 'x2²']);
    const table = readyTable(store);
    const meta = exportMetaFor('drawn', table, prepareData(table, 0.2, 1), null);
    expect(meta.features).toEqual(['x1²', 'x2²']);
    expect(meta.engineered).toEqual([
      { name: 'x1²', formula: 'x1 * x1' },
      { name: 'x2²', formula: 'x2 * x2' },
    ]);
    expect(meta.script).toEqual({ kind: 'synthetic', name: 'drawn', csv: 'x1,x2,label\n0.5,0,1\n-0.5,0.5,1\n4,0,0\n0,-4,0\n-3,3,0\n' });
  });

  it('are taken from an imported model of your own points', async () => {
    const store = makeStore();
    store.getState().selectDataset('drawn');
    drawRing(store);
    const plain = readyTable(store);
    store.getState().selectDataset('moons');
    const block: PlaygroundBlock = playgroundBlockSchema.parse({
      version: 1,
      dataset: { id: 'drawn', label: 'Your own points' },
      task: { kind: 'binary' },
      target: 'label',
      features: ['x1²', 'x2²'],
      engineered: [
        { name: 'x1²', formula: 'x1 * x1' },
        { name: 'x2²', formula: 'x2 * x2' },
      ],
      inputShape: [2],
      encodings: [],
      classNames: ['0', '1'],
      scaler: { kind: 'standard', offset: [4, 4], scale: [5, 5], fill: [0, 0] },
      config: store.getState().config,
      history: [],
    });
    const weights = new Float32Array([-1, -1, 2]);
    const text = buildModelFile(
      {
        format: 'layers-model',
        generatedBy: 'test',
        convertedBy: null,
        modelTopology: {
          class_name: 'Sequential',
          config: { layers: [{ class_name: 'Dense', config: { name: 'dense_1', units: 1, activation: 'sigmoid', batch_input_shape: [null, 2] } }] },
        },
        weightSpecs: [
          { name: 'dense_1/kernel', shape: [2, 1], dtype: 'float32' },
          { name: 'dense_1/bias', shape: [1], dtype: 'float32' },
        ],
        weightData: weights.buffer,
      },
      block,
    );
    const picked: PickedFile = { name: 'model.json', size: text.length, text: async () => text, arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer };
    await store.getState().importModel([picked]);
    expect(store.getState().importError).toBeNull();
    expect(store.getState().datasetId).toBe('drawn');
    expect(store.getState().drawn.features).toEqual(['x1²', 'x2²']);
    const table = readyTable(store);
    expect(table.featureNames).toEqual(['x1²', 'x2²']);
    expect(table.plane).toEqual(plain.features);
    // The table built again from the drawn set is the imported model's.
    store.getState().reloadDataset();
    expect(readyTable(store).featureNames).toEqual(['x1²', 'x2²']);
  });
});
