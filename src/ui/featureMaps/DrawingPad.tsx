import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ImageRecipe } from './drawnImage';

/** Shortest time between two reports of the drawing while a stroke goes on, in milliseconds. */
const REPORT_INTERVAL_MS = 200;
/** Brush radius in image pixels: a pen stroke about as thick as the data set's strokes. */
const BRUSH_RADIUS = 0.55;

interface DrawingPadProps {
  recipe: ImageRecipe;
  /** Drawn size in CSS pixels. */
  size: number;
  /** The ink now (pad cells row-major, 0–1), a few times a second while drawing and at the end of each stroke; null once cleared. */
  onChange(ink: Float32Array | null): void;
}

/**
 * The pad's 2-D context, kept in main memory: an accelerated canvas waits for
 * the GPU process at every frame it changes in, which on a software-rendered
 * GPU busy with training took over 100 ms a frame.
 */
const contextOf = (canvas: HTMLCanvasElement | null) => canvas?.getContext('2d', { willReadFrequently: true }) ?? null;

/**
 * A drawing pad at the data set's resolution times `recipe.factor`, shown
 * magnified. A stroke stamps ink into a buffer and paints only the cells it
 * touched, so a pointer move costs microseconds; the drawing is reported at
 * most every REPORT_INTERVAL_MS. The keyboard draws too: the arrow keys move
 * a cursor by one image pixel and Space or Enter inks that pixel.
 */
export function DrawingPad({ recipe, size, onChange }: DrawingPadProps) {
  const rows = recipe.height * recipe.factor;
  const cols = recipe.width * recipe.factor;
  const canvas = useRef<HTMLCanvasElement>(null);
  const ink = useRef(new Float32Array(rows * cols));
  const last = useRef<{ x: number; y: number } | null>(null);
  const lastReport = useRef(0);
  const changed = useRef(onChange);
  changed.current = onChange;
  const [cursor, setCursor] = useState<{ x: number; y: number } | null>(null);

  useEffect(() => {
    ink.current = new Float32Array(rows * cols);
    contextOf(canvas.current)?.clearRect(0, 0, cols, rows);
  }, [rows, cols]);

  const paint = (cells: number[]) => {
    const context = contextOf(canvas.current);
    if (!context) return;
    for (const i of cells) {
      const grey = Math.round(255 * (1 - ink.current[i]!));
      context.fillStyle = `rgb(${grey},${grey},${grey})`;
      context.fillRect(i % cols, Math.floor(i / cols), 1, 1);
    }
  };
  /** Stamps a round brush centred at (x, y), in pad cells; returns the cells it changed. */
  const stamp = (x: number, y: number, touched: Set<number>) => {
    const r = BRUSH_RADIUS * recipe.factor;
    for (let cy = Math.max(0, Math.floor(y - r)); cy <= Math.min(rows - 1, Math.ceil(y + r)); cy++) {
      for (let cx = Math.max(0, Math.floor(x - r)); cx <= Math.min(cols - 1, Math.ceil(x + r)); cx++) {
        const d = Math.hypot(cx + 0.5 - x, cy + 0.5 - y);
        // Full ink inside the radius, a soft edge one cell wide.
        const value = Math.min(1, Math.max(0, r + 0.5 - d));
        const i = cy * cols + cx;
        if (value > ink.current[i]!) {
          ink.current[i] = value;
          touched.add(i);
        }
      }
    }
  };
  const report = (force: boolean) => {
    const now = performance.now();
    if (!force && now - lastReport.current < REPORT_INTERVAL_MS) return;
    lastReport.current = now;
    const copy = ink.current.slice();
    // In a task of its own: the view's update then never lengthens the pointer event's task.
    setTimeout(() => changed.current(copy), 0);
  };
  const cellAt = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - box.left) / box.width) * cols, y: ((event.clientY - box.top) / box.height) * rows };
  };
  const strokeTo = (point: { x: number; y: number }) => {
    const from = last.current ?? point;
    const touched = new Set<number>();
    // Stamps along the segment, half a brush apart, so fast strokes stay continuous.
    const steps = Math.max(1, Math.ceil(Math.hypot(point.x - from.x, point.y - from.y) / (BRUSH_RADIUS * recipe.factor * 0.5)));
    for (let s = 1; s <= steps; s++) stamp(from.x + ((point.x - from.x) * s) / steps, from.y + ((point.y - from.y) * s) / steps, touched);
    last.current = point;
    paint([...touched]);
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    last.current = null;
    strokeTo(cellAt(event));
    report(true);
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (last.current === null || event.buttons === 0) return;
    strokeTo(cellAt(event));
    report(false);
  };
  const onPointerUp = () => {
    if (last.current === null) return;
    last.current = null;
    report(true);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const at = cursor ?? { x: Math.floor(recipe.width / 2), y: Math.floor(recipe.height / 2) };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setCursor({ x: Math.min(recipe.width - 1, Math.max(0, at.x + move[0])), y: Math.min(recipe.height - 1, Math.max(0, at.y + move[1])) });
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      const touched: number[] = [];
      for (let dy = 0; dy < recipe.factor; dy++) {
        for (let dx = 0; dx < recipe.factor; dx++) {
          const i = (at.y * recipe.factor + dy) * cols + at.x * recipe.factor + dx;
          ink.current[i] = 1;
          touched.push(i);
        }
      }
      setCursor(at);
      paint(touched);
      report(true);
    }
  };
  const clear = () => {
    ink.current = new Float32Array(rows * cols);
    contextOf(canvas.current)?.clearRect(0, 0, cols, rows);
    changed.current(null);
  };

  const cell = size / recipe.width;
  return (
    <div className="drawing-pad">
      <div className="drawing-pad-frame" style={{ width: size, height: (size * recipe.height) / recipe.width }}>
        <canvas
          ref={canvas}
          width={cols}
          height={rows}
          role="img"
          aria-label="Drawing pad"
          aria-describedby="drawing-pad-help"
          tabIndex={0}
          style={{ width: '100%', height: '100%', imageRendering: 'pixelated', touchAction: 'none' }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onKeyDown={onKeyDown}
          onBlur={() => setCursor(null)}
        />
        {cursor && <div className="drawing-pad-cursor" style={{ left: cursor.x * cell, top: cursor.y * cell, width: cell, height: cell }} aria-hidden="true" />}
      </div>
      <p id="drawing-pad-help" className="hint">
        Draw with the mouse, a pen or a finger; or focus the pad, move with the arrow keys and press Space to ink a pixel.
      </p>
      <button type="button" onClick={clear}>
        Clear
      </button>
    </div>
  );
}
