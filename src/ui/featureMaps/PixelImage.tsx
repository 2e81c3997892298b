import { memo, useEffect, useRef } from 'react';

/**
 * One grey image (0–1, row-major), dark ink on white, scaled up with square
 * pixels: as ui/data/ImageCanvas, but kept in main memory, since this one is
 * redrawn a few times a second while the person draws (an accelerated canvas
 * waits for a software-rendered GPU at each frame it changes in).
 */
export const PixelImage = memo(function PixelImage({ pixels, height, width, size, label }: { pixels: Float32Array; height: number; width: number; size: number; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d', { willReadFrequently: true });
    if (!context) return;
    const image = context.createImageData(width, height);
    for (let i = 0; i < height * width; i++) {
      const ink = Math.round(255 * (1 - Math.min(1, Math.max(0, pixels[i] ?? 0))));
      image.data[i * 4] = ink;
      image.data[i * 4 + 1] = ink;
      image.data[i * 4 + 2] = ink;
      image.data[i * 4 + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }, [pixels, height, width]);
  return <canvas ref={canvas} width={width} height={height} style={{ width: size, height: (size * height) / width, imageRendering: 'pixelated' }} role="img" aria-label={label} />;
});
