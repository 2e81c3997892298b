import { describe, expect, it } from 'vitest';
import { decodePng, encodePng, rectImage } from '../testing/png';
import {
  addToClass,
  emptyOwnImages,
  groupByFolder,
  loadImages,
  notReadyReason,
  ownImageLimits,
  ownImagesTable,
  reloadAt,
  roomLeft,
  unreadableReport,
  type ImageDecoder,
  type OwnImages,
} from './ownImages';

/** Decodes the test's PNGs as the browser would decode any image; anything else is refused. */
const decode: ImageDecoder = async (blob) => decodePng(new Uint8Array(await blob.arrayBuffer()));

const WHITE = [255, 255, 255, 255];
const BLACK = [0, 0, 0, 255];
const RED = [255, 0, 0, 255];
const png = (name: string, width: number, height: number, fore = BLACK) =>
  ({ name, blob: new Blob([encodePng(rectImage(width, height, WHITE, fore, { x: 0, y: 0, w: Math.floor(width / 2), h: height })) as Uint8Array<ArrayBuffer>]) });

describe('loading own images', () => {
  it('decodes PNGs of several sizes to one size, and skips and names a broken file', async () => {
    const files = [png('a.png', 8, 8), png('b.png', 40, 20), png('c.png', 3, 7), { name: 'broken.png', blob: new Blob(['not an image']) }, png('d.png', 64, 64)];
    const loaded = await loadImages(files, decode, 16, 1);
    expect(loaded.images.map((i) => i.name)).toEqual(['a.png', 'b.png', 'c.png', 'd.png']);
    expect(loaded.unreadable).toEqual(['broken.png']);
    for (const image of loaded.images) {
      expect(image.pixels).toHaveLength(16 * 16);
      // Black left half (0), white right half (1), whatever the original size.
      expect(image.pixels[16 * 8]).toBeLessThan(0.5);
      expect(image.pixels[16 * 8 + 15]).toBeCloseTo(1, 5);
    }
    // An even width halves exactly: the left 8 columns are black.
    expect(Array.from(loaded.images[0]!.pixels.subarray(0, 16)).map((v) => Math.round(v))).toEqual([...Array(8).fill(0), ...Array(8).fill(1)]);
  });

  it('keeps colour when asked, and decodes again at another size and colour', async () => {
    const loaded = await loadImages([png('red.png', 10, 10, RED)], decode, 16, 3);
    expect(Array.from(loaded.images[0]!.pixels.subarray(0, 3))).toEqual([1, 0, 0]);
    const own: OwnImages = { ...emptyOwnImages(16, 3), classes: [{ id: 'c', name: 'red', images: loaded.images }] };
    const grey = await reloadAt(own, decode, 28, 1);
    expect(grey.classes[0]!.images[0]!.pixels).toHaveLength(28 * 28);
    expect(grey.classes[0]!.images[0]!.pixels[0]).toBeCloseTo(0.299, 5);
  });

  it('stops at the room left and counts the rest', async () => {
    const loaded = await loadImages([png('a.png', 4, 4), png('b.png', 4, 4), png('c.png', 4, 4)], decode, 16, 1, 2);
    expect(loaded.images).toHaveLength(2);
    expect(loaded.leftOver).toBe(1);
  });

  it('says in plain words which files could not be read', () => {
    expect(unreadableReport([])).toBeNull();
    expect(unreadableReport(['x.txt'])).toBe('1 file could not be read as an image: x.txt.');
    expect(unreadableReport(['a.txt', 'b.png'])).toBe('2 files could not be read as images: a.txt, b.png.');
    expect(unreadableReport(Array.from({ length: 13 }, (_, i) => `f${i}`))).toMatch(/^13 files .*f9 and 3 more\.$/);
  });
});

describe('classes of own images', () => {
  it('groups files by their folder, the chosen folder itself not being a class; hidden files are left out', () => {
    const paths = ['pets/cats/1.png', 'pets/cats/2.png', 'pets/dogs/a/3.png', 'pets/loose.png', 'pets/.DS_Store', 'pets/__MACOSX/cats/._1.png'];
    const { groups, loose } = groupByFolder(paths.map((path) => ({ path })), true);
    expect([...groups.keys()]).toEqual(['cats', 'a']);
    expect(groups.get('cats')).toHaveLength(2);
    expect(loose.map((f) => f.path)).toEqual(['pets/loose.png']);
    // A zip's paths have no chosen folder: its first level is already a class.
    expect([...groupByFolder([{ path: 'cats/1.png' }, { path: 'top.png' }], false).groups.keys()]).toEqual(['cats']);
  });

  it('adds to a class of the same name, takes over an empty placeholder, else adds a class', () => {
    const image = { name: 'x', source: new Blob(), pixels: new Float32Array(4) };
    let classes = emptyOwnImages().classes;
    classes = addToClass(classes, 'cats', [image]);
    expect(classes.map((c) => c.name)).toEqual(['cats', 'Class 2']);
    classes = addToClass(classes, 'cats', [image]);
    classes = addToClass(classes, 'dogs', [image]);
    classes = addToClass(classes, 'birds', [image]);
    expect(classes.map((c) => [c.name, c.images.length])).toEqual([['cats', 2], ['dogs', 1], ['birds', 1]]);
    expect(new Set(classes.map((c) => c.id)).size).toBe(3);
  });

  it('builds a table of the classes with images, and says why it cannot yet', () => {
    const image = (v: number) => ({ name: 'x', source: new Blob(), pixels: new Float32Array(2 * 2 * 3).fill(v) });
    const own: OwnImages = {
      size: 2,
      channels: 3,
      unreadable: [],
      classes: [
        { id: '1', name: 'bars', images: [image(0.1), image(0.2)] },
        { id: '2', name: 'empty', images: [] },
        { id: '3', name: ' rings ', images: [image(0.9), image(1)] },
      ],
    };
    const table = ownImagesTable(own);
    expect(table).toMatchObject({ numRows: 4, modality: 'image', inputShape: [2, 2, 3], classNames: ['bars', 'rings'], task: { kind: 'multiclass', numClasses: 2 } });
    expect(Array.from(table.targets)).toEqual([0, 0, 1, 1]);
    expect(table.features[12 * 2]).toBeCloseTo(0.9, 6);
    expect(notReadyReason({ ...own, classes: own.classes.slice(0, 2) })).toMatch(/at least two classes/);
    expect(notReadyReason({ ...own, classes: [own.classes[0]!, { ...own.classes[2]!, name: 'bars' }] })).toMatch(/Two classes are named "bars"/);
    expect(notReadyReason({ ...own, classes: [own.classes[0]!, { ...own.classes[2]!, name: '' }] })).toMatch(/needs a name/);
    expect(() => ownImagesTable({ ...own, classes: [own.classes[0]!] })).toThrow(/two classes/);
  });
});

describe('room for own images', () => {
  it('is bounded by the image count and by the pixel values the size and colour take', () => {
    expect(roomLeft(emptyOwnImages(16, 1))).toBe(ownImageLimits.maxImages);
    expect(roomLeft(emptyOwnImages(64, 3))).toBe(Math.floor(ownImageLimits.maxValues / (64 * 64 * 3)));
  });
});
