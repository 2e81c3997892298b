import { useEffect, useRef } from 'react';
import type { Table } from '../../data/table';
import type { Predictions, RunData } from '../../state/runState';
import { palette } from '../charts/palette';

const SIZE = 200;

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const CLASS_1 = rgb(palette.train);
const CLASS_0 = rgb(palette.validation);

/** A value in 0–1 as a colour between class 0 (orange) and class 1 (blue) through white. */
function colourAt(t: number, strength = 1): string {
  const [to, amount] = t >= 0.5 ? [CLASS_1, (t - 0.5) * 2] : [CLASS_0, (0.5 - t) * 2];
  const mix = (c: number) => Math.round(255 + (c - 255) * amount * strength);
  return `rgb(${mix(to[0])}, ${mix(to[1])}, ${mix(to[2])})`;
}

interface Props {
  table: Table;
  data: RunData;
  predictions: Predictions | null;
}

/**
 * For a 2-D set: the model's output over the plane — the probability of
 * class 1 for classification, the predicted value for regression — with the
 * training points (filled) and validation points (ringed) on top.
 */
export function DecisionBoundary({ table, data, predictions }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
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
    const cell = SIZE / grid.size;
    if (predictions?.grid) {
      for (let row = 0; row < grid.size; row++) {
        for (let col = 0; col < grid.size; col++) {
          context.fillStyle = colourAt(norm(predictions.grid[row * grid.size + col]!), 0.65);
          context.fillRect(col * cell, row * cell, Math.ceil(cell), Math.ceil(cell));
        }
      }
    }
    const toX = (x: number) => ((x - grid.xMin) / (grid.xMax - grid.xMin)) * SIZE;
    const toY = (y: number) => ((grid.yMax - y) / (grid.yMax - grid.yMin)) * SIZE;
    const draw = (rows: Uint32Array, validation: boolean) => {
      for (const r of rows) {
        context.beginPath();
        context.arc(toX(table.features[2 * r]!), toY(table.features[2 * r + 1]!), validation ? 3 : 2.5, 0, 2 * Math.PI);
        context.fillStyle = colourAt(norm(table.targets[r]!));
        context.fill();
        context.strokeStyle = validation ? '#000' : 'rgba(255,255,255,0.9)';
        context.lineWidth = validation ? 1.2 : 0.8;
        context.stroke();
      }
    };
    draw(data.trainRows, false);
    draw(data.validationRows, true);
  });
  const name = regression ? 'Prediction surface' : 'Decision boundary';
  return (
    <figure className="boundary">
      <canvas ref={canvas} width={SIZE} height={SIZE} role="img" aria-label={name} data-epoch={predictions?.epoch ?? 0} />
      <figcaption className="hint">
        {name}
        {predictions ? ` after epoch ${predictions.epoch}` : ''}:{' '}
        {regression ? `orange low (${lo.toFixed(2)}) to blue high (${hi.toFixed(2)})` : 'orange class 0, blue class 1'}; ringed
        points are validation data.
      </figcaption>
    </figure>
  );
}
