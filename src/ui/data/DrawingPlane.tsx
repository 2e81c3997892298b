import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { DRAW_RANGE, type DrawnSet } from '../../data/drawnPoints';
import type { GridSpec } from '../../data/grid';
import { divergingRgb } from '../network/surface';

/** Side of the plot in its own units (CSS pixels at most: it shrinks to a narrow panel). */
const SIZE = 240;
/** A press that moves further than this (px) is a drag, which erases, rather than a click, which adds. */
const DRAG_PX = 4;
/** Cursor steps of the arrow keys, in plane units (with Shift, the larger). */
const STEP = 0.5;
const BIG_STEP = 2;

const toPx = (v: number) => ((v + DRAW_RANGE) / (2 * DRAW_RANGE)) * SIZE;
const toPy = (v: number) => ((DRAW_RANGE - v) / (2 * DRAW_RANGE)) * SIZE;
const colour = (t: number) => `rgb(${divergingRgb(2 * t - 1).join(', ')})`;

interface Props {
  set: DrawnSet;
  /** Clicks and keys add and erase only while drawing is on. */
  drawing: boolean;
  /** The label a new point gets. */
  label: number;
  onAdd(x1: number, x2: number, label: number): void;
  onErase(x1: number, x2: number): void;
  /** The last run's output over its grid, painted under the points when it is of these points. */
  background: { grid: GridSpec; values: Float32Array } | null;
}

/**
 * The plane from −6 to 6 with the drawn points. Drawing on, a click adds a
 * point, a drag erases the points it passes; from the keyboard the arrow
 * keys move a cursor, Enter or Space adds a point there, Delete erases.
 */
export function DrawingPlane({ set, drawing, label, onAdd, onErase, background }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const press = useRef<{ x: number; y: number; dragging: boolean } | null>(null);
  const [cursor, setCursor] = useState<[number, number]>([0, 0]);
  const [focused, setFocused] = useState(false);
  const regression = set.task === 'regression';
  const values = set.points.map(([, , v]) => v);
  const lo = regression ? Math.min(...values) : 0;
  const hi = regression ? Math.max(...values) : 1;
  const norm = (v: number) => (hi > lo ? (v - lo) / (hi - lo) : 0.5);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, SIZE, SIZE);
    if (!background) return;
    const { grid, values: out } = background;
    const pixels = new Uint8ClampedArray(grid.size * grid.size * 4);
    out.forEach((value, i) => pixels.set([...divergingRgb(2 * norm(value) - 1, 0.55), 255], i * 4));
    const cells = new OffscreenCanvas(grid.size, grid.size);
    cells.getContext('2d')!.putImageData(new ImageData(pixels, grid.size, grid.size), 0, 0);
    const [left, top] = [toPx(grid.xMin), toPy(grid.yMax)];
    context.drawImage(cells, left, top, toPx(grid.xMax) - left, toPy(grid.yMin) - top);
  });

  /** The plane coordinates under a pointer event. */
  const planeAt = (event: PointerEvent<SVGSVGElement>): [number, number] => {
    const box = event.currentTarget.getBoundingClientRect();
    const fx = (event.clientX - box.left) / box.width;
    const fy = (event.clientY - box.top) / box.height;
    return [(fx * 2 - 1) * DRAW_RANGE, (1 - fy * 2) * DRAW_RANGE];
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (!drawing || event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    press.current = { x: event.clientX, y: event.clientY, dragging: false };
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const start = press.current;
    if (!start) return;
    if (!start.dragging && Math.hypot(event.clientX - start.x, event.clientY - start.y) > DRAG_PX) start.dragging = true;
    if (start.dragging) onErase(...planeAt(event));
  };
  const onPointerUp = (event: PointerEvent<SVGSVGElement>) => {
    const start = press.current;
    press.current = null;
    if (start && !start.dragging) onAdd(...planeAt(event), label);
  };

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const move = moves[event.key];
    const clamp = (v: number) => Math.max(-DRAW_RANGE, Math.min(DRAW_RANGE, Math.round(v * 100) / 100));
    if (move) {
      event.preventDefault();
      setCursor(([x, y]) => [clamp(x + move[0]), clamp(y + move[1])]);
    } else if (drawing && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      onAdd(cursor[0], cursor[1], label);
    } else if (drawing && (event.key === 'Delete' || event.key === 'Backspace')) {
      event.preventDefault();
      onErase(cursor[0], cursor[1]);
    }
  };

  const [cx, cy] = cursor;
  return (
    <div className="drawing-plane">
      <div style={{ position: 'relative', width: '100%', maxWidth: SIZE, aspectRatio: '1', outline: '1px solid #cbd5e1' }}>
        <canvas ref={canvas} width={SIZE} height={SIZE} style={{ position: 'absolute', inset: 0, width: '100%', height: '100%' }} aria-hidden="true" />
        <svg
          width="100%"
          height="100%"
          viewBox={`0 0 ${SIZE} ${SIZE}`}
          role="application"
          aria-label="Drawing plane"
          aria-roledescription="plane of points"
          aria-describedby="drawing-plane-keys"
          tabIndex={0}
          style={{ position: 'absolute', inset: 0, cursor: drawing ? 'crosshair' : 'default', touchAction: 'none' }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => (press.current = null)}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
        >
          <line x1={SIZE / 2} y1={0} x2={SIZE / 2} y2={SIZE} stroke="#cbd5e1" />
          <line x1={0} y1={SIZE / 2} x2={SIZE} y2={SIZE / 2} stroke="#cbd5e1" />
          {set.points.map(([x, y, v], i) => (
            <circle
              key={i}
              className="drawn-point"
              cx={toPx(x)}
              cy={toPy(y)}
              r={4.5}
              fill={colour(norm(v))}
              stroke="rgba(0,0,0,0.7)"
              strokeWidth={1}
              data-x1={x}
              data-x2={y}
              data-label={v}
            />
          ))}
          {focused && (
            <g stroke="#111" strokeWidth={1.5} aria-hidden="true">
              <line x1={toPx(cx) - 8} y1={toPy(cy)} x2={toPx(cx) + 8} y2={toPy(cy)} />
              <line x1={toPx(cx)} y1={toPy(cy) - 8} x2={toPx(cx)} y2={toPy(cy) + 8} />
            </g>
          )}
        </svg>
      </div>
      <p id="drawing-plane-keys" className="sr-only">
        Arrow keys move the cursor (Shift for larger steps); Enter or Space adds a point at the cursor; Delete erases the points near it.
      </p>
      <p className="hint" aria-live="polite">
        {/* The line keeps its height when empty: leaving the plane for a button below must not move that button mid-click. */}
        {focused ? `Cursor at x1 = ${cx.toFixed(2)}, x2 = ${cy.toFixed(2)}` : '\u00a0'}
      </p>
    </div>
  );
}
