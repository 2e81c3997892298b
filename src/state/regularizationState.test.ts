import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { TrainingClient } from '../engine/client';
import { FakeWorker } from '../engine/fakeWorker';
import { regularizationOf } from '../model/regularizers';
import { readSnapshot, snapshotOf } from './experimentSchema';
import { createPlaygroundStore } from './store';

function store() {
  const client = new TrainingClient('auto', () => new FakeWorker());
  return createPlaygroundStore({
    client,
    files: {
      text: (file) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
      bytes: async (file) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
    },
    parseCsv: async () => ({ ok: false, message: 'unused' }) as never,
  });
}

const penalties = (layers: { kind: string }[]) => layers.map((layer) => ('kernelRegularizer' in layer ? layer.kernelRegularizer : undefined));

describe('the weight penalty in the store', () => {
  it('the select sets every hidden layer at the slider’s rate, and the slider moves them all while the select is on', () => {
    const playground = store();
    const { setRegularization, setRegularizationRate } = playground.getState();
    setRegularizationRate(0.03);
    // The select is None: only the rate is kept.
    expect(regularizationOf(playground.getState().layers).choice).toBe('none');
    setRegularization('l2');
    expect(regularizationOf(playground.getState().layers)).toEqual({ choice: 'l2', rate: 0.03 });
    setRegularizationRate(0.1);
    expect(regularizationOf(playground.getState().layers)).toEqual({ choice: 'l2', rate: 0.1 });
    // The output layer keeps none.
    expect(penalties(playground.getState().layers).at(-1)).toBeUndefined();
    // None, then L2 again: the same rate as before.
    setRegularization('none');
    expect(playground.getState().regularizationRate).toBe(0.1);
    setRegularization('l2');
    expect(regularizationOf(playground.getState().layers)).toEqual({ choice: 'l2', rate: 0.1 });
  });

  it('a layer’s own penalty is patched and removed, and survives a link or storage round trip', () => {
    const playground = store();
    const first = playground.getState().layers[0]!;
    playground.getState().updateLayer(first.id, { kernelRegularizer: { l1: 0.001, l2: 0.02 } });
    expect(penalties(playground.getState().layers)[0]).toEqual({ l1: 0.001, l2: 0.02 });
    const snapshot = snapshotOf(playground.getState())!;
    const read = readSnapshot(JSON.stringify(snapshot));
    expect(read.ok && penalties(read.snapshot.layers)[0]).toEqual({ l1: 0.001, l2: 0.02 });
    expect(readSnapshot(JSON.stringify({ ...snapshot, layers: [{ ...snapshot.layers[0], kernelRegularizer: { l1: 0, l2: 99 } }] })).ok).toBe(false);
    playground.getState().updateLayer(first.id, { kernelRegularizer: null });
    expect('kernelRegularizer' in playground.getState().layers[0]!).toBe(false);
  });
});
