import type { Rgba } from '../../data/imagePixels';
import type { ImageDecoder } from '../../data/ownImages';

/**
 * Longest side an image is drawn at before our area averaging shrinks it to
 * the input size: the browser's own resampling takes a 4000-pixel photo
 * down first, so its pixels are never all read back (48 MB each).
 */
const MAX_SIDE = 256;

/**
 * Decodes with the browser: createImageBitmap (which decodes off the page's
 * thread) drawn on an OffscreenCanvas and read back as RGBA. Rejects for a
 * file that is not an image the browser reads.
 */
export const decodeInBrowser: ImageDecoder = async (blob: Blob): Promise<Rgba> => {
  const bitmap = await createImageBitmap(blob);
  try {
    const shrink = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * shrink));
    const height = Math.max(1, Math.round(bitmap.height * shrink));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2-D canvas');
    context.drawImage(bitmap, 0, 0, width, height);
    return { width, height, data: context.getImageData(0, 0, width, height).data };
  } finally {
    bitmap.close();
  }
};
