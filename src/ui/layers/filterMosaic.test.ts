import { describe, expect, it } from 'vitest';
import { filterMosaic } from './filterMosaic';

describe('filterMosaic', () => {
  it('puts each filter of a one-channel kernel in its own tile, filters left to right', () => {
    // Two 2×2 filters; Keras's layout [h, w, in, out] interleaves them: (0,0,f0) (0,0,f1) (0,1,f0) …
    const kernel = Float32Array.from([1, 5, 2, 6, 3, 7, 4, 8]);
    const mosaic = filterMosaic([2, 2, 1, 2], kernel);
    expect([mosaic.rows, mosaic.cols]).toEqual([2, 5]);
    expect(Array.from(mosaic.values)).toEqual([1, 2, 0, 5, 6, 3, 4, 0, 7, 8]);
  });

  it('wraps the filters of a one-channel kernel in rows of eight', () => {
    // Ten 1×1 filters holding 1…10.
    const mosaic = filterMosaic([1, 1, 1, 10], Float32Array.from({ length: 10 }, (_, i) => i + 1));
    expect([mosaic.rows, mosaic.cols, mosaic.perRow]).toEqual([3, 15, 8]);
    const row = (r: number) => Array.from(mosaic.values.subarray(r * 15, (r + 1) * 15));
    expect(row(0)).toEqual([1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]);
    expect(row(1)).toEqual(new Array(15).fill(0));
    expect(row(2)).toEqual([9, 0, 10, ...new Array(12).fill(0)]);
  });

  it('stacks input channels top to bottom with a blank line between them', () => {
    // A 1×1 kernel over 2 channels with 3 filters: weight (c, f) is kernel[c * 3 + f].
    const kernel = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const mosaic = filterMosaic([1, 1, 2, 3], kernel);
    expect([mosaic.rows, mosaic.cols]).toEqual([3, 5]);
    expect(Array.from(mosaic.values)).toEqual([1, 0, 2, 0, 3, 0, 0, 0, 0, 0, 4, 0, 5, 0, 6]);
  });
});
