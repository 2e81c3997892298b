import { useEffect, useRef } from 'react';

interface OwnImageThumbProps {
  /** side × side × channels values in 0–1 (channels 1: grey, 3: RGB). */
  pixels: Float32Array;
  side: number;
  channels: number;
  label: string;
}

/** One of the person's images as the model sees it: at the input size, in its true tones (not inverted as ink). */
export function OwnImageThumb({ pixels, side, channels, label }: OwnImageThumbProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(side, side);
    for (let p = 0; p < side * side; p++) {
      const at = (c: number) => Math.round(255 * (pixels[p * channels + (channels === 3 ? c : 0)] ?? 0));
      image.data.set([at(0), at(1), at(2), 255], p * 4);
    }
    context.putImageData(image, 0, 0);
  }, [pixels, side, channels]);
  return <canvas ref={canvas} width={side} height={side} style={{ width: 40, height: 40, imageRendering: 'pixelated' }} role="img" aria-label={label} />;
}
