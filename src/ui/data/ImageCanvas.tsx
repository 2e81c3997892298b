import { useEffect, useRef } from 'react';
import { toRgba, type ImageTones } from './imageTones';

interface ImageCanvasProps {
  /** height × width × channels values in 0–1, row-major, channel last. */
  pixels: Float32Array;
  height: number;
  width: number;
  /** 1 (grey, the default) or 3 (RGB). */
  channels?: number;
  /** 'ink' (the default): dark ink on white; 'true': 0 black, 1 white (see imageTones.ts). */
  tones?: ImageTones;
  /** Drawn size in CSS pixels. */
  size: number;
  label: string;
}

/** One image, scaled up with square pixels: the shipped sets as dark ink on white, the person's own in their true tones. */
export function ImageCanvas({ pixels, height, width, channels = 1, tones = 'ink', size, label }: ImageCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(width, height);
    image.data.set(toRgba(pixels, { height, width, channels }, tones));
    context.putImageData(image, 0, 0);
  }, [pixels, height, width, channels, tones]);
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
