import { memo, useEffect, useRef } from 'react';
import { toRgba, type ImageTones } from '../data/imageTones';

interface PixelImageProps {
  /** height × width × channels values in 0–1, row-major, channel last. */
  pixels: Float32Array;
  height: number;
  width: number;
  /** 1 (grey, the default) or 3 (RGB). */
  channels?: number;
  /** 'ink' (the default): dark ink on white; 'true': 0 black, 1 white. */
  tones?: ImageTones;
  size: number;
  label: string;
}

/**
 * One image scaled up with square pixels: as ui/data/ImageCanvas, but kept
 * in main memory, since this one is redrawn a few times a second while the
 * person draws (an accelerated canvas waits for a software-rendered GPU at
 * each frame it changes in).
 */
export const PixelImage = memo(function PixelImage({ pixels, height, width, channels = 1, tones = 'ink', size, label }: PixelImageProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d', { willReadFrequently: true });
    if (!context) return;
    const image = context.createImageData(width, height);
    image.data.set(toRgba(pixels, { height, width, channels }, tones));
    context.putImageData(image, 0, 0);
  }, [pixels, height, width, channels, tones]);
  return <canvas ref={canvas} width={width} height={height} style={{ width: size, height: (size * height) / width, imageRendering: 'pixelated' }} role="img" aria-label={label} />;
});
