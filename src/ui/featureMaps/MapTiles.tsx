import { memo, useEffect, useRef } from 'react';

/** Gap between two tiles, in CSS pixels. */
const GAP = 2;

interface MapTilesProps {
  /** The layer's name, as the model summary names it ("conv2d", "max_pooling2d_1"). */
  name: string;
  /** [height, width, channels]. */
  shape: readonly number[];
  /** height × width × channels, channel last (tfjs's layout). */
  values: Float32Array;
  /** Side of each tile, in CSS pixels. */
  size: number;
  /** Tiles per row. */
  columns: number;
}

/**
 * One tile per channel of a conv or pooling layer's output, dark where the
 * channel responds strongly. All tiles of a layer share one grey scale (the
 * layer's smallest to largest value), so a faint channel looks faint.
 *
 * The tiles are painted into one canvas per layer, in main memory: dozens of
 * canvases redrawn a few times a second made the browser's frame commits
 * long tasks on a software-rendered GPU. Each tile is still an image of its
 * own for assistive technology and tests (role img, "<layer> map K"), laid
 * over its place in the canvas. Memoized: redrawn only when values change.
 */
export const MapTiles = memo(function MapTiles({ name, shape, values, size, columns }: MapTilesProps) {
  const [height = 1, width = 1, channels = 1] = shape;
  const perRow = Math.max(1, Math.min(columns, channels));
  const rows = Math.ceil(channels / perRow);
  const canvasWidth = perRow * (size + GAP) - GAP;
  const canvasHeight = rows * (size + GAP) - GAP;
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d', { willReadFrequently: true });
    if (!context) return;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const v of values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const span = max - min > 1e-12 ? max - min : 1;
    const image = context.createImageData(canvasWidth, canvasHeight);
    const data = image.data;
    for (let k = 0; k < channels; k++) {
      const left = (k % perRow) * (size + GAP);
      const top = Math.floor(k / perRow) * (size + GAP);
      // Each tile pixel covers a block of screen pixels (nearest neighbour), so the maps stay crisp.
      for (let y = 0; y < size; y++) {
        const row = Math.min(height - 1, Math.floor((y * height) / size));
        for (let x = 0; x < size; x++) {
          const column = Math.min(width - 1, Math.floor((x * width) / size));
          const grey = Math.round(255 * (1 - (values[(row * width + column) * channels + k]! - min) / span));
          const at = ((top + y) * canvasWidth + left + x) * 4;
          data[at] = grey;
          data[at + 1] = grey;
          data[at + 2] = grey;
          data[at + 3] = 255;
        }
      }
    }
    context.putImageData(image, 0, 0);
  }, [values, height, width, channels, perRow, size, canvasWidth, canvasHeight]);
  return (
    <figure className="map-layer">
      <figcaption>
        {name} <span className="hint">({height}×{width}×{channels})</span>
      </figcaption>
      <div className="map-tiles" style={{ gridTemplateColumns: `repeat(${perRow}, ${size}px)`, gridAutoRows: `${size}px`, gap: GAP, width: canvasWidth }}>
        <canvas ref={canvas} width={canvasWidth} height={canvasHeight} aria-hidden="true" />
        {Array.from({ length: channels }, (_, k) => (
          <span key={k} role="img" aria-label={`${name} map ${k + 1}`} title={`${name} map ${k + 1}`} />
        ))}
      </div>
    </figure>
  );
});
