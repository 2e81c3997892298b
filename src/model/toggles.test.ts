import { describe, expect, it } from 'vitest';
import type { LayerSpec } from './layers';
import { hiddenDenseIndices, isToggleOn, setDropoutRates, setToggle } from './toggles';

const dense = (id: string, units = 8): LayerSpec => ({ id, kind: 'dense', units, activation: 'relu' });
const kinds = (layers: LayerSpec[]) => layers.map((layer) => layer.kind);
const base: LayerSpec[] = [dense('a'), dense('b'), dense('out', 1)];

describe('the Dropout and Batch normalization switches', () => {
  it('treat every Dense but the last as hidden', () => {
    expect(hiddenDenseIndices(base)).toEqual([0, 1]);
    expect(hiddenDenseIndices([dense('only', 1)])).toEqual([]);
  });

  it('insert a Dropout after every hidden Dense layer, never after the output', () => {
    const on = setToggle(base, 'dropout', true, 0.25);
    expect(kinds(on)).toEqual(['dense', 'dropout', 'dense', 'dropout', 'dense']);
    expect(on.filter((l) => l.kind === 'dropout').every((l) => l.kind === 'dropout' && l.rate === 0.25)).toBe(true);
    expect(isToggleOn(on, 'dropout')).toBe(true);
    expect(isToggleOn(on, 'batchNormalization')).toBe(false);
  });

  it('are idempotent: on twice is on once, off twice is off once', () => {
    const once = setToggle(base, 'dropout', true);
    expect(setToggle(once, 'dropout', true)).toEqual(once);
    const off = setToggle(once, 'dropout', false);
    expect(kinds(off)).toEqual(kinds(base));
    expect(setToggle(off, 'dropout', false)).toEqual(off);
    expect(setToggle(base, 'batchNormalization', false)).toEqual(base);
  });

  it('keep the course order Dense → Dropout → BatchNormalization whichever is switched on first', () => {
    const bnFirst = setToggle(setToggle(base, 'batchNormalization', true), 'dropout', true);
    const dropoutFirst = setToggle(setToggle(base, 'dropout', true), 'batchNormalization', true);
    const expected = ['dense', 'dropout', 'batchNormalization', 'dense', 'dropout', 'batchNormalization', 'dense'];
    expect(kinds(bnFirst)).toEqual(expected);
    expect(kinds(dropoutFirst)).toEqual(expected);
  });

  it('turning one off leaves the other', () => {
    const both = setToggle(setToggle(base, 'dropout', true), 'batchNormalization', true);
    const noDropout = setToggle(both, 'dropout', false);
    expect(kinds(noDropout)).toEqual(['dense', 'batchNormalization', 'dense', 'batchNormalization', 'dense']);
    expect(isToggleOn(noDropout, 'batchNormalization')).toBe(true);
  });

  it('read as on only when every hidden Dense layer has the layer', () => {
    const partial: LayerSpec[] = [dense('a'), { id: 'd', kind: 'dropout', rate: 0.5 }, dense('b'), dense('out', 1)];
    expect(isToggleOn(partial, 'dropout')).toBe(false);
    const completed = setToggle(partial, 'dropout', true, 0.1);
    expect(kinds(completed)).toEqual(['dense', 'dropout', 'dense', 'dropout', 'dense']);
    // The existing layer keeps its own rate.
    expect(completed[1]).toEqual({ id: 'd', kind: 'dropout', rate: 0.5 });
  });

  it('are off with no hidden layer, and switching on changes nothing', () => {
    const single = [dense('only', 1)];
    expect(isToggleOn(single, 'dropout')).toBe(false);
    expect(setToggle(single, 'dropout', true)).toEqual(single);
  });

  it('set every Dropout rate at once', () => {
    const on = setToggle(base, 'dropout', true, 0.3);
    expect(setDropoutRates(on, 0.5).flatMap((l) => (l.kind === 'dropout' ? [l.rate] : []))).toEqual([0.5, 0.5]);
  });
});
