import { planeCoordinates, pointInputs } from './engineeredFeatures';
import type { Scaler } from './scaler';
import type { Table } from './table';

/** A square grid over a 2-D dataset's plane, in the data's own units. */
export interface GridSpec {
  /** Cells per side. */
  size: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Grid cells per side for the boundary view: fine enough to look smooth (as TensorFlow Playground's 100), small enough to predict several times a second. */
export const GRID_SIZE = 100;

/** Grid cells per side of each neuron's small picture in the network diagram: one value per unit per cell is sent a few times a second. */
export const PROBE_GRID_SIZE = 32;

/**
 * The grid covering a 2-D table's points with a margin, and its cell
 * centres as the model's inputs (row by row, top row first, so that y
 * decreases down the picture): each centre's x1, x2 turned into the table's
 * features (engineered ones too, see engineeredFeatures.ts), then scaled.
 */
export function planeGrid(table: Table, scaler: Scaler, size = GRID_SIZE): { spec: GridSpec; inputs: Float32Array } {
  const points = planeCoordinates(table);
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let r = 0; r < table.numRows; r++) {
    const x = points[2 * r]!;
    const y = points[2 * r + 1]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    [xMin, xMax, yMin, yMax] = [Math.min(xMin, x), Math.max(xMax, x), Math.min(yMin, y), Math.max(yMax, y)];
  }
  const padX = (xMax - xMin) * 0.05 || 1;
  const padY = (yMax - yMin) * 0.05 || 1;
  const spec: GridSpec = { size, xMin: xMin - padX, xMax: xMax + padX, yMin: yMin - padY, yMax: yMax + padY };
  const features = pointInputs(table);
  const width = features.length;
  const inputs = new Float32Array(size * size * width);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const x = spec.xMin + ((col + 0.5) / size) * (spec.xMax - spec.xMin);
      const y = spec.yMax - ((row + 0.5) / size) * (spec.yMax - spec.yMin);
      const i = (row * size + col) * width;
      for (let c = 0; c < width; c++) inputs[i + c] = (features[c]!(x, y) - scaler.offset[c]!) / scaler.scale[c]!;
    }
  }
  return { spec, inputs };
}
