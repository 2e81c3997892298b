import { describe, expect, it } from 'vitest';
import { imageGeometry, imageRow, imageValues, inkAsImage, toRgba, tonesOf } from './imageTones';

describe('image geometry and rows', () => {
  it('reads [height, width, channels], a missing channel count being one', () => {
    expect(imageGeometry({ inputShape: [4, 3, 3] })).toEqual({ height: 4, width: 3, channels: 3 });
    expect(imageGeometry({ inputShape: [8, 8] })).toEqual({ height: 8, width: 8, channels: 1 });
    expect(imageValues(imageGeometry({ inputShape: [4, 3, 3] }))).toBe(36);
  });

  it('slices a whole colour image per row, not height × width values', () => {
    const features = Float32Array.from({ length: 3 * 2 * 2 * 3 }, (_, i) => i);
    const table = { inputShape: [2, 2, 3], features };
    expect(Array.from(imageRow(table, 1))).toEqual(Array.from({ length: 12 }, (_, i) => 12 + i));
    expect(imageRow(table, 2)[11]).toBe(35);
  });

  it('shipped sets read as ink unless the table says its tones are true', () => {
    expect(tonesOf({})).toBe('ink');
    expect(tonesOf({ imageTones: 'true' })).toBe('true');
  });
});

describe('pixels as RGBA bytes', () => {
  const one = { height: 1, width: 2, channels: 1 };
  it('ink: full ink is black, blank paper white', () => {
    expect(Array.from(toRgba([1, 0], one, 'ink'))).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
  });

  it('true grey: 0 is black, 1 white, and values are clamped to 0–1', () => {
    expect(Array.from(toRgba([0, 1], one, 'true'))).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    expect(Array.from(toRgba([-0.5, 0.5], one, 'true'))).toEqual([0, 0, 0, 255, 128, 128, 128, 255]);
  });

  it('true RGB: each pixel its three channels', () => {
    const rgb = { height: 1, width: 2, channels: 3 };
    expect(Array.from(toRgba([1, 0, 0, 0, 0.5, 1], rgb, 'true'))).toEqual([255, 0, 0, 255, 0, 128, 255, 255]);
  });
});

describe('a drawing in a set’s convention', () => {
  const ink = Float32Array.from([1, 0, 0.25]);
  it('ink sets keep the ink as it is', () => {
    expect(Array.from(inkAsImage(ink, 1, 'ink'))).toEqual([1, 0, 0.25]);
  });

  it('true tones turn ink dark on white, repeated into each of three channels', () => {
    expect(Array.from(inkAsImage(ink, 3, 'true'))).toEqual([0, 0, 0, 1, 1, 1, 0.75, 0.75, 0.75]);
    expect(Array.from(inkAsImage(ink, 1, 'true'))).toEqual([0, 1, 0.75]);
  });
});
