import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { MAX_DRAWN_POINTS, MAX_DRAWN_VALUE, DRAW_RANGE } from '../data/drawnPoints';
import { TrainingClient } from '../engine/client';
import { FakeWorker } from '../engine/fakeWorker';
import { drawnTable } from '../data/drawnPoints';
import { prepareData } from '../data/prepare';
import { snapshotOf } from './experimentSchema';
import { exportMetaFor } from './exportMeta';
import { experimentHash, readExperimentHash } from './share';
import { createPlaygroundStore } from './store';

function memoryStorage(): StateStorage & { data: Record<string, string> } {
  const data: Record<string, string> = {};
  return {
    data,
    getItem: (name) => data[name] ?? null,
    setItem: (name, value) => {
      data[name] = value;
    },
    removeItem: (name) => {
      delete data[name];
    },
  };
}

const makeStore = (storage?: StateStorage, hash = '') =>
  createPlaygroundStore({
    client: new TrainingClient('auto', () => new FakeWorker()),
    files: { text: async () => '', bytes: async () => new Uint8Array() },
    parseCsv: async () => ({ ok: false, message: 'not used' }),
    ...(storage ? { storage } : {}),
    hash,
  });

/** Four points, two of each class, left and right. */
function drawFour(store: ReturnType<typeof makeStore>): void {
  const { addDrawnPoint } = store.getState();
  addDrawnPoint(-3, 1, 0);
  addDrawnPoint(-4, -2, 0);
  addDrawnPoint(3, 2, 1);
  addDrawnPoint(4.257, -1, 1);
}

describe('the drawn set in the store', () => {
  it('starts empty, with a reason instead of a table, and becomes a table once it can train', () => {
    const store = makeStore();
    store.getState().selectDataset('drawn');
    expect(store.getState().dataset).toEqual({ status: 'error', message: 'Training needs at least 4 points; no points are drawn yet.' });
    drawFour(store);
    const dataset = store.getState().dataset;
    expect(dataset.status).toBe('ready');
    if (dataset.status !== 'ready') return;
    expect(dataset.table.numRows).toBe(4);
    expect(Array.from(dataset.table.targets)).toEqual([0, 0, 1, 1]);
    expect(dataset.table.features[6]).toBeCloseTo(4.26);
    store.getState().eraseDrawnPoints(-3, 1);
    expect(store.getState().dataset.status).toBe('error');
    store.getState().clearDrawnPoints();
    expect(store.getState().drawn.points).toEqual([]);
  });

  it('changes the model with the task: a linear output for values, a sigmoid for classes', () => {
    const store = makeStore();
    store.getState().selectDataset('drawn');
    drawFour(store);
    store.getState().setDrawnTask('regression');
    const last = (layers: ReturnType<typeof store.getState>['layers']) => layers[layers.length - 1];
    expect(last(store.getState().layers)).toMatchObject({ kind: 'dense', activation: 'linear' });
    expect(store.getState().config.loss).toBe('mse');
    const dataset = store.getState().dataset;
    expect(dataset.status === 'ready' && dataset.table.task.kind).toBe('regression');
    store.getState().setDrawnTask('binary');
    expect(last(store.getState().layers)).toMatchObject({ kind: 'dense', activation: 'sigmoid' });
  });

  it('survives a reload while the drawn set is selected', () => {
    const storage = memoryStorage();
    const first = makeStore(storage);
    first.getState().selectDataset('drawn');
    drawFour(first);
    const second = makeStore(storage);
    expect(second.getState().datasetId).toBe('drawn');
    expect(second.getState().drawn).toEqual(first.getState().drawn);
    expect(second.getState().dataset.status).toBe('ready');
    expect(second.getState().notices).toEqual([]);
  });

  it('travels in a link, and only with the drawn set', () => {
    const maker = makeStore();
    maker.getState().selectDataset('drawn');
    drawFour(maker);
    const hash = experimentHash(snapshotOf(maker.getState())!);
    const opened = makeStore(undefined, hash);
    expect(opened.getState().datasetId).toBe('drawn');
    expect(opened.getState().drawn.points).toEqual(maker.getState().drawn.points);
    maker.getState().selectDataset('moons');
    expect(snapshotOf(maker.getState())).not.toHaveProperty('drawn');
  });

  it('at its largest, with the longest numbers, still fits in a link', () => {
    const store = makeStore();
    store.getState().selectDataset('drawn');
    store.getState().setDrawnTask('regression');
    for (let i = 0; i < MAX_DRAWN_POINTS + 10; i++) store.getState().addDrawnPoint(-5.55 - (i % 3) * 0.01, -5.55, -MAX_DRAWN_VALUE + 0.01);
    expect(store.getState().drawn.points).toHaveLength(MAX_DRAWN_POINTS);
    const read = readExperimentHash(experimentHash(snapshotOf(store.getState())!));
    expect(read.kind).toBe('experiment');
    if (read.kind === 'experiment') expect(read.snapshot.drawn?.points).toHaveLength(MAX_DRAWN_POINTS);
  });

  it('refuses a link whose points are off the plane, too many, or of a third class', () => {
    const store = makeStore();
    store.getState().selectDataset('drawn');
    drawFour(store);
    const snapshot = snapshotOf(store.getState())!;
    const bad = [
      { ...snapshot, drawn: { task: 'binary', points: [[DRAW_RANGE + 1, 0, 0]] } },
      { ...snapshot, drawn: { task: 'binary', points: [[0, 0, 2]] } },
      { ...snapshot, drawn: { task: 'binary', points: Array.from({ length: MAX_DRAWN_POINTS + 1 }, () => [0, 0, 0]) } },
    ];
    for (const value of bad) expect(readExperimentHash(experimentHash(value as typeof snapshot)).kind).toBe('invalid');
  });

  it('opens an older stored experiment without drawn points as before', () => {
    const store = makeStore();
    store.getState().selectDataset('xor');
    const snapshot = snapshotOf(store.getState())!;
    expect(readExperimentHash(experimentHash(snapshot)).kind).toBe('experiment');
    const drawnWithout = { ...snapshot, dataset: 'drawn' as const };
    const opened = makeStore(undefined, experimentHash(drawnWithout));
    expect(opened.getState().datasetId).toBe('drawn');
    expect(opened.getState().drawn.points).toEqual([]);
  });

  it('goes with an exported Keras script as a CSV of the drawn points', () => {
    const table = drawnTable({ task: 'binary', points: [[-3, 1, 0], [-4, -2, 0], [3, 2, 1], [4.26, -1, 1]] });
    const meta = exportMetaFor('drawn', table, prepareData(table, 0.25, 1), null);
    expect(meta.dataset).toEqual({ id: 'drawn', label: 'Your own points' });
    expect(meta.script).toEqual({ kind: 'synthetic', name: 'drawn', csv: 'x1,x2,label\n-3,1,0\n-4,-2,0\n3,2,1\n4.26,-1,1\n' });
  });

  it('can start from a generated set’s points, taking its task and a model for it', () => {
    const store = makeStore();
    store.getState().selectDataset('drawn');
    store.getState().startDrawnFrom('plane');
    expect(store.getState().drawn.task).toBe('regression');
    expect(store.getState().drawn.points).toHaveLength(100);
    expect(store.getState().config.loss).toBe('mse');
    store.getState().startDrawnFrom('xor');
    expect(store.getState().drawn.task).toBe('binary');
    const dataset = store.getState().dataset;
    expect(dataset.status === 'ready' && dataset.table.numRows).toBe(100);
  });

  it('ignores drawing while a run is under way', () => {
    const store = makeStore();
    store.getState().selectDataset('drawn');
    drawFour(store);
    store.setState({ run: { ...store.getState().run, phase: 'running' } });
    store.getState().addDrawnPoint(0, 0, 1);
    store.getState().clearDrawnPoints();
    expect(store.getState().drawn.points).toHaveLength(4);
  });
});
