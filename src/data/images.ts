import type { Table } from './table';

/** Class names of Fashion-MNIST, by label. */
export const fashionClasses = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

const SIDE = 28;
const PIXELS = SIDE * SIDE;

/**
 * Reads the shipped Fashion-MNIST sample: N label bytes, then N images of
 * 28 × 28 bytes, row-major. Pixels are scaled to 0–1.
 */
export function parseFashionMnist(bytes: Uint8Array): Table {
  const count = bytes.length / (1 + PIXELS);
  if (!Number.isInteger(count) || count < 2) {
    throw new Error(`expected labels and 28 × 28 images, but the file has ${bytes.length} bytes`);
  }
  const targets = Float32Array.from(bytes.subarray(0, count));
  if (targets.some((label) => label > 9)) throw new Error('a label is outside 0–9');
  const features = new Float32Array(count * PIXELS);
  const pixels = bytes.subarray(count);
  for (let i = 0; i < features.length; i++) features[i] = pixels[i]! / 255;
  return {
    featureNames: Array.from({ length: PIXELS }, (_, i) => `p${i}`),
    targetName: 'label',
    features,
    targets,
    numRows: count,
    task: { kind: 'multiclass', numClasses: 10 },
    modality: 'image',
    classNames: fashionClasses,
    inputShape: [SIDE, SIDE, 1],
  };
}

/** Turns a table of pixel columns into an image table: scales pixels by `maxValue` and sets the image shape. */
export function asImages(table: Table, height: number, width: number, maxValue: number): Table {
  if (table.featureNames.length !== height * width) {
    throw new Error(`expected ${height * width} pixel columns, found ${table.featureNames.length}`);
  }
  return {
    ...table,
    features: table.features.map((v) => v / maxValue),
    modality: 'image',
    inputShape: [height, width, 1],
    featureKinds: undefined,
  };
}
