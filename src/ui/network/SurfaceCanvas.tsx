import { useEffect, useRef } from 'react';

interface Props {
  /** RGBA pixels, size × size. */
  pixels: Uint8ClampedArray<ArrayBuffer> | null;
  size: number;
  /** Width and height on screen, in CSS pixels; the picture is smoothed up to it. */
  display: number;
  name: string;
  className?: string;
}

/** A square picture of values over the plane, drawn at the grid's resolution and scaled by the browser. */
export function SurfaceCanvas({ pixels, size, display, name, className }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    if (!pixels || pixels.length !== size * size * 4) {
      context.clearRect(0, 0, size, size);
      return;
    }
    context.putImageData(new ImageData(pixels, size, size), 0, 0);
  }, [pixels, size]);
  return <canvas ref={canvas} className={className} width={size} height={size} style={{ width: display, height: display }} role="img" aria-label={name} />;
}
