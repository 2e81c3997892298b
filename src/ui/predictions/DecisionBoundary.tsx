import { useEffect, useRef, useState } from 'react';
import { planeCoordinates } from '../../data/engineeredFeatures';
import type { Table } from '../../data/table';
import type { Predictions, RunData } from '../../state/runState';
import { divergingRgb } from '../network/surface';

const SIZE = 240;

/** The CSS colour of a value in 0–1 on the boundary's scale (class 0 orange, class 1 blue). */
const pointColour = (t: number): string => `rgb(${divergingRgb(2 * t - 1).join(', ')})`;

interface Props {
  table: Table;
  data: RunData;
  predictions: Predictions | null;
  /** Which held-out rows `data.validationRows` are: the validation rows, or the test rows under "Predictions on" Test. */
  rowsName?: 'validation' | 'test';
}

/**
 * For a 2-D set: the model's output over the plane — the probability of
 * class 1 for classification, the predicted value for regression — on a
 * fine grid shaded by confidence (paler near 0.5), optionally cut into the
 * two decisions, with the training points (filled) and, when shown, the
 * validation points (ringed) on top.
 */
export function DecisionBoundary({ table, data, predictions, rowsName = 'validation' }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [showValidation, setShowValidation] = useState(true);
  const [discrete, setDiscrete] = useState(false);
  const regression = table.task.kind === 'regression';
  // Regression values are shown on the targets' own range.
  let lo = 0;
  let hi = 1;
  if (regression) {
    lo = Math.min(...table.targets);
    hi = Math.max(...table.targets);
  }
  const norm = (v: number) => (hi > lo ? (v - lo) / (hi - lo) : 0.5);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    const grid = data.grid;
    if (!context || !grid) return;
    context.clearRect(0, 0, SIZE, SIZE);
    if (predictions?.grid && predictions.grid.length === grid.size * grid.size) {
      const pixels = new Uint8ClampedArray(grid.size * grid.size * 4);
      predictions.grid.forEach((value, i) => {
        const t = 2 * norm(value) - 1;
        pixels.set([...divergingRgb(discrete ? Math.sign(t) : t, 0.65), 255], i * 4);
      });
      const cells = new OffscreenCanvas(grid.size, grid.size);
      cells.getContext('2d')!.putImageData(new ImageData(pixels, grid.size, grid.size), 0, 0);
      context.imageSmoothingEnabled = !discrete;
      context.drawImage(cells, 0, 0, SIZE, SIZE);
    }
    const toX = (x: number) => ((x - grid.xMin) / (grid.xMax - grid.xMin)) * SIZE;
    const toY = (y: number) => ((grid.yMax - y) / (grid.yMax - grid.yMin)) * SIZE;
    // The points where they lie, whatever features the model reads from them (x1², sin(x1)…).
    const points = planeCoordinates(table);
    const draw = (rows: Uint32Array, validation: boolean) => {
      for (const r of rows) {
        context.beginPath();
        context.arc(toX(points[2 * r]!), toY(points[2 * r + 1]!), validation ? 3 : 2.5, 0, 2 * Math.PI);
        context.fillStyle = pointColour(norm(table.targets[r]!));
        context.fill();
        context.strokeStyle = validation ? '#000' : 'rgba(255,255,255,0.9)';
        context.lineWidth = validation ? 1.2 : 0.8;
        context.stroke();
      }
    };
    draw(data.trainRows, false);
    if (showValidation) draw(data.validationRows, true);
  });
  const name = regression ? 'Prediction surface' : 'Decision boundary';
  return (
    <figure className="boundary">
      <canvas ref={canvas} width={SIZE} height={SIZE} role="img" aria-label={name} data-epoch={predictions?.epoch ?? 0} />
      <div className="checks">
        <label className="check small">
          <input type="checkbox" checked={showValidation} onChange={(event) => setShowValidation(event.target.checked)} />
          Show {rowsName} points
        </label>
        <label className="check small">
          <input type="checkbox" checked={discrete} onChange={(event) => setDiscrete(event.target.checked)} />
          Discretize output
        </label>
      </div>
      <figcaption className="hint">
        {name}
        {predictions ? ` after epoch ${predictions.epoch}` : ''}, {data.grid?.size ?? 0}×{data.grid?.size ?? 0} cells:{' '}
        {regression ? `orange low (${lo.toFixed(2)}) to blue high (${hi.toFixed(2)})` : 'orange class 0, blue class 1, paler where the model is less sure'};
        {showValidation ? ` ringed points are ${rowsName} data.` : ' training points only.'}
      </figcaption>
    </figure>
  );
}
