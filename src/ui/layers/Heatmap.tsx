import { useEffect, useRef } from 'react';
import { palette } from '../charts/palette';

interface HeatmapProps {
  title: string;
  rows: number;
  cols: number;
  /** rows × cols values, row-major. */
  values: Float32Array;
}

/** Side of one weight's square in pixels, so a kernel fits in a 300 × 96 box. */
const cellSize = (rows: number, cols: number): number => Math.max(1, Math.min(10, Math.floor(300 / cols), Math.floor(96 / rows)));

/** Parses '#rrggbb' into its three channels. */
const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/**
 * A weight matrix drawn on a canvas, one small square per weight: blue for
 * positive, vermillion for negative, paler for smaller magnitudes.
 */
export function Heatmap({ title, rows, cols, values }: HeatmapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  const cell = cellSize(rows, cols);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const pos = rgb(palette.positive);
    const neg = rgb(palette.negative);
    // Pixels written straight into an ImageData: one fillRect per weight, each
    // with a colour string to parse, cost tens of milliseconds per frame.
    const width = cols * cell;
    const image = context.createImageData(width, rows * cell);
    const pixels = image.data;
    pixels.fill(255);
    // A one-pixel gap between squares where there is room for it.
    const side = cell > 3 ? cell - 1 : cell;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = values[r * cols + c] ?? 0;
        const t = max > 0 ? Math.abs(v) / max : 0;
        const [cr, cg, cb] = v >= 0 ? pos : neg;
        const red = Math.round(255 + (cr - 255) * t);
        const green = Math.round(255 + (cg - 255) * t);
        const blue = Math.round(255 + (cb - 255) * t);
        for (let y = r * cell; y < r * cell + side; y++) {
          for (let x = c * cell; x < c * cell + side; x++) {
            const i = (y * width + x) * 4;
            pixels[i] = red;
            pixels[i + 1] = green;
            pixels[i + 2] = blue;
          }
        }
      }
    }
    context.putImageData(image, 0, 0);
  }, [rows, cols, values, max, cell]);
  return (
    <figure className="heatmap">
      <figcaption>{title}</figcaption>
      <canvas
        ref={canvas}
        width={cols * cell}
        height={rows * cell}
        role="img"
        aria-label={`${title}; largest magnitude ${max.toFixed(3)}`}
      />
    </figure>
  );
}
