/** A matrix for the weight heatmap: `rows × cols` values, row-major. */
export interface Mosaic {
  rows: number;
  cols: number;
  values: Float32Array;
  /** Filters side by side in one row of the picture. */
  perRow: number;
}

/** Filters of a one-channel layer (the first layer on grey images) go in rows of this many, so each tile is large enough to see. */
const FILTERS_PER_ROW = 8;

/**
 * The kernel of a Conv2D layer, shape [height, width, in channels, filters]
 * as Keras stores it, laid out as one picture: a tile of height × width
 * weights per filter and input channel, with a blank (zero) line between
 * tiles. A filter's tiles for its input channels are stacked top to bottom;
 * filters go left to right, wrapped in rows of eight when there is one input
 * channel. Each tile is what the filter looks for in that channel.
 */
export function filterMosaic(shape: readonly number[], kernel: Float32Array): Mosaic {
  const [kh = 1, kw = 1, channels = 1, filters = 1] = shape;
  const perRow = channels === 1 ? Math.min(filters, FILTERS_PER_ROW) : filters;
  const blockHeight = channels * (kh + 1);
  const rows = Math.ceil(filters / perRow) * blockHeight - 1;
  const cols = perRow * (kw + 1) - 1;
  const values = new Float32Array(rows * cols);
  for (let f = 0; f < filters; f++) {
    const top = Math.floor(f / perRow) * blockHeight;
    const left = (f % perRow) * (kw + 1);
    for (let c = 0; c < channels; c++) {
      for (let i = 0; i < kh; i++) {
        for (let j = 0; j < kw; j++) {
          values[(top + c * (kh + 1) + i) * cols + left + j] = kernel[((i * kw + j) * channels + c) * filters + f]!;
        }
      }
    }
  }
  return { rows, cols, values, perRow };
}
