import { imageInput, type ImageChannels, type Rgba } from './imagePixels';
import type { Table } from './table';

/**
 * The person's own images, grouped by class, as Teachable Machine takes them:
 * files chosen per class, a folder with a sub-folder per class, or a zip laid
 * out the same way. They stay in the page (never uploaded) and in memory
 * only: a reload loses them.
 */

/** Decodes an image file into RGBA pixels; rejects when the bytes are not an image it can read. */
export type ImageDecoder = (file: Blob) => Promise<Rgba>;

/** A file handed in, with its path inside a folder or zip when it came from one. */
export interface ImageFile {
  name: string;
  blob: Blob;
}

export interface LoadedImage {
  name: string;
  /** The file, kept to decode again at another size or colour. */
  source: Blob;
  /** size × size × channels values in 0–1. */
  pixels: Float32Array;
}

export interface ImageClass {
  id: string;
  name: string;
  images: LoadedImage[];
}

export interface OwnImages {
  /** Pixels per side of every image. */
  size: number;
  channels: ImageChannels;
  classes: ImageClass[];
  /** Names of the files that could not be read as images, in the order they came. */
  unreadable: string[];
}

export const ownImageLimits = {
  /** Images kept over all classes: more would hold hundreds of MB of pixels in a tab. */
  maxImages: 5_000,
  /** A larger file is not decoded (a camera photo is rarely over 20 MB). */
  maxFileBytes: 30 * 1024 * 1024,
  /**
   * Pixel values kept over all images (64 MB as float32): the table, the
   * split and the worker's copy each hold them again. 64 × 64 colour
   * images fit about 1,300; 32 × 32 grey ones the 5,000.
   */
  maxValues: 16 * 1024 * 1024,
} as const;

/** How many more images fit at the set's size and colour. */
export const roomLeft = (own: OwnImages): number =>
  Math.max(0, Math.min(ownImageLimits.maxImages, Math.floor(ownImageLimits.maxValues / (own.size * own.size * own.channels))) - imageCount(own));

export const emptyOwnImages = (size = 32, channels: ImageChannels = 1): OwnImages => ({
  size,
  channels,
  classes: [
    { id: 'class-1', name: 'Class 1', images: [] },
    { id: 'class-2', name: 'Class 2', images: [] },
  ],
  unreadable: [],
});

/** How many images all classes hold. */
export const imageCount = (own: OwnImages): number => own.classes.reduce((sum, c) => sum + c.images.length, 0);

/**
 * Decodes files one after another (a few at a time would not be faster: the
 * browser decodes on its own threads) into inputs of the given size and
 * colour; the names of those it cannot read are returned instead. At most
 * `room` images are kept.
 */
export async function loadImages(
  files: readonly ImageFile[],
  decode: ImageDecoder,
  size: number,
  channels: ImageChannels,
  room: number = ownImageLimits.maxImages,
): Promise<{ images: LoadedImage[]; unreadable: string[]; leftOver: number }> {
  const images: LoadedImage[] = [];
  const unreadable: string[] = [];
  let leftOver = 0;
  for (const file of files) {
    if (images.length >= room) {
      leftOver++;
      continue;
    }
    if (file.blob.size > ownImageLimits.maxFileBytes) {
      unreadable.push(file.name);
      continue;
    }
    try {
      const rgba = await decode(file.blob);
      images.push({ name: file.name, source: file.blob, pixels: imageInput(rgba, size, channels) });
    } catch {
      unreadable.push(file.name);
    }
  }
  return { images, unreadable, leftOver };
}

/** The same images at another size or colour, decoded again from their files; `unreadable` lists any that fail this time. */
export async function reloadAt(own: OwnImages, decode: ImageDecoder, size: number, channels: ImageChannels): Promise<OwnImages> {
  const classes: ImageClass[] = [];
  const unreadable: string[] = [];
  for (const c of own.classes) {
    const loaded = await loadImages(
      c.images.map((image) => ({ name: image.name, blob: image.source })),
      decode,
      size,
      channels,
      Number.POSITIVE_INFINITY,
    );
    unreadable.push(...loaded.unreadable);
    classes.push({ ...c, images: loaded.images });
  }
  return { size, channels, classes, unreadable };
}

/** Files a folder or zip holds that are not data: the system's hidden files and macOS's resource forks. */
export const isHiddenPath = (path: string): boolean => path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');

/**
 * Groups files by the folder they sit in: each folder is a class, named
 * after it. With `root`, the first folder of every path is the one the
 * person chose (a folder input's webkitRelativePath) and is not a class.
 * Files not inside a class folder are returned apart.
 */
export function groupByFolder<T extends { path: string }>(files: readonly T[], root: boolean): { groups: Map<string, T[]>; loose: T[] } {
  const groups = new Map<string, T[]>();
  const loose: T[] = [];
  for (const file of files) {
    if (isHiddenPath(file.path)) continue;
    const parts = file.path.split('/').filter((part) => part !== '');
    const inside = root ? parts.slice(1) : parts;
    if (inside.length < 2) {
      loose.push(file);
      continue;
    }
    const name = inside[inside.length - 2]!;
    const group = groups.get(name) ?? [];
    group.push(file);
    groups.set(name, group);
  }
  return { groups, loose };
}

/** The classes with `images` added to the class of that name, or to a new class at the end. */
export function addToClass(classes: readonly ImageClass[], name: string, images: readonly LoadedImage[]): ImageClass[] {
  const at = classes.findIndex((c) => c.name === name);
  if (at >= 0) return classes.map((c, i) => (i === at ? { ...c, images: [...c.images, ...images] } : c));
  // An empty class left from the start (the two "Class N" placeholders) is taken over rather than kept empty beside it.
  const empty = classes.findIndex((c) => c.images.length === 0 && /^Class \d+$/.test(c.name));
  if (empty >= 0) return classes.map((c, i) => (i === empty ? { ...c, name, images: [...images] } : c));
  return [...classes, { id: freshId(classes), name, images: [...images] }];
}

export function freshId(classes: readonly ImageClass[]): string {
  let n = classes.length + 1;
  while (classes.some((c) => c.id === `class-${n}`)) n++;
  return `class-${n}`;
}

const MAX_LISTED = 10;

/** "2 files could not be read as images: a.txt, b.png", or null when every file was read. */
export function unreadableReport(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  const listed = names.slice(0, MAX_LISTED).join(', ');
  const more = names.length > MAX_LISTED ? ` and ${names.length - MAX_LISTED} more` : '';
  return names.length === 1
    ? `1 file could not be read as an image: ${listed}.`
    : `${names.length} files could not be read as images: ${listed}${more}.`;
}

/** Why the classes cannot be trained on yet, or null when they can. */
export function notReadyReason(own: OwnImages): string | null {
  const filled = own.classes.filter((c) => c.images.length > 0);
  if (filled.length < 2) return 'Add images of at least two classes to train on them.';
  if (filled.some((c) => c.name.trim() === '')) return 'Every class with images needs a name.';
  const names = filled.map((c) => c.name.trim());
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) return `Two classes are named "${twice}": give each class its own name.`;
  if (imageCount(own) < 4) return 'Add a few more images: some are held out to check the model on.';
  return null;
}

/**
 * The classes as an image table: one row per image, class by class; classes
 * without images are left out. Pixels are already 0–1 (divided by 255).
 */
export function ownImagesTable(own: OwnImages): Table {
  const reason = notReadyReason(own);
  if (reason) throw new Error(reason);
  const filled = own.classes.filter((c) => c.images.length > 0);
  const perImage = own.size * own.size * own.channels;
  const numRows = filled.reduce((sum, c) => sum + c.images.length, 0);
  const features = new Float32Array(numRows * perImage);
  const targets = new Float32Array(numRows);
  let row = 0;
  filled.forEach((c, label) => {
    for (const image of c.images) {
      features.set(image.pixels, row * perImage);
      targets[row++] = label;
    }
  });
  return {
    featureNames: Array.from({ length: perImage }, (_, i) => `p${i}`),
    targetName: 'class',
    features,
    targets,
    numRows,
    task: { kind: 'multiclass', numClasses: filled.length },
    modality: 'image',
    classNames: filled.map((c) => c.name.trim()),
    inputShape: [own.size, own.size, own.channels],
    imageTones: 'true',
  };
}
