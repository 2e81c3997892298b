import { useEffect, useRef } from 'react';

interface ImageCanvasProps {
  /** height × width grey values in 0–1, row-major. */
  pixels: Float32Array;
  height: number;
  width: number;
  /** Drawn size in CSS pixels. */
  size: number;
  label: string;
}

/** One grey image, dark ink on white, scaled up with square pixels. */
export function ImageCanvas({ pixels, height, width, size, label }: ImageCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(width, height);
    for (let i = 0; i < height * width; i++) {
      const ink = Math.round(255 * (1 - Math.min(1, Math.max(0, pixels[i] ?? 0))));
      image.data.set([ink, ink, ink, 255], i * 4);
    }
    context.putImageData(image, 0, 0);
  }, [pixels, height, width]);
  return (
    <canvas
      ref={canvas}
      width={width}
      height={height}
      style={{ width: size, height: size, imageRendering: 'pixelated' }}
      role="img"
      aria-label={label}
    />
  );
}
