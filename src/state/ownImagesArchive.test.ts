import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ownImagesTable, type OwnImages } from '../data/ownImages';
import { prepareData } from '../data/prepare';
import { readZip, streamInflateRaw } from '../data/zipReader';
import { classFolderNames, kerasScript } from '../model/file/kerasScript';
import { exportMetaFor } from './exportMeta';
import { playgroundBlock } from './exportFiles';
import { archiveMismatch, ownImagesArchive, ownImagesScript } from './ownImagesArchive';
import { ownImagesExperiment } from './ownImagesData';
import { idleRun, type RunState } from './runState';

const SIZE = 4;

/** Classes of images whose pixels differ from image to image, so a swap would show. */
const own = (channels: 1 | 3, counts: Record<string, number>): OwnImages => ({
  size: SIZE,
  channels,
  unreadable: [],
  classes: [
    ...Object.entries(counts).map(([name, count], c) => ({
      id: `class-${c + 1}`,
      name,
      images: Array.from({ length: count }, (_, n) => ({
        name: `${n}.jpg`,
        source: new Blob(),
        pixels: Float32Array.from({ length: SIZE * SIZE * channels }, (_, i) => ((c * 50 + n * 10 + i) % 256) / 255),
      })),
    })),
    // An empty class is not trained on and has no folder.
    { id: 'empty', name: 'Class 9', images: [] },
  ],
});

function runOf(images: OwnImages): RunState {
  const table = ownImagesTable(images);
  const { layers, config } = ownImagesExperiment(images);
  const meta = exportMetaFor('images', table, prepareData(table, 0.2, 1, 'none'), null);
  return { ...idleRun, setup: { datasetId: 'images', layers, config, imported: false, largestInput: 1 }, data: { exportMeta: meta } } as unknown as RunState;
}

/** The 8-bit samples of a PNG the encoder wrote (unfiltered rows). */
function samples(png: Uint8Array): { colour: number; values: number[] } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const idat: Uint8Array[] = [];
  let colour = -1;
  for (let at = 8; at < png.length; at += 12 + view.getUint32(at)) {
    const type = new TextDecoder().decode(png.subarray(at + 4, at + 8));
    if (type === 'IHDR') colour = png[at + 17]!;
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + view.getUint32(at)));
  }
  const rows = inflateSync(Buffer.concat(idat));
  const stride = rows.length / SIZE;
  return { colour, values: Array.from({ length: SIZE }, (_, y) => Array.from(rows.subarray(y * stride + 1, (y + 1) * stride))).flat() };
}

describe('classFolderNames', () => {
  it('makes names safe as folders on every system, and unique where case is ignored', () => {
    expect(classFolderNames(['cats', 'a/b', 'c\\d', 'e:f*g?h"i<j>k|l', 'tab\there', 'x\nimport os'])).toEqual([
      'cats',
      'a_b',
      'c_d',
      'e_f_g_h_i_j_k_l',
      'tab_here',
      'x_import os',
    ]);
    expect(classFolderNames(['a/b', 'a_b', 'A_B', 'a:b'])).toEqual(['a_b', 'a_b_2', 'A_B_3', 'a_b_4']);
    expect(classFolderNames(['..', '.hidden', 'dots...', 'CON', 'nul.txt', '   '])).toEqual(['class', '_.hidden', 'dots', '_CON', '_nul.txt', 'class_2']);
  });
});

describe('ownImagesArchive', () => {
  it('holds images/<class folder>/<n>.png for every trained image, its pixels as trained, in the script’s class order', async () => {
    const images = own(1, { 'dogs/wolves': 3, cats: 2 });
    const run = runOf(images);
    const data = ownImagesScript(run)!;
    expect(data).not.toBeNull();
    const file = await ownImagesArchive(images, data);
    expect([file.name, file.type]).toEqual(['images.zip', 'application/zip']);
    const zip = await readZip(new Uint8Array(file.content as ArrayBuffer), streamInflateRaw);
    expect(zip.unreadable).toEqual([]);
    expect(zip.files.map((f) => f.path)).toEqual(['images/dogs_wolves/1.png', 'images/dogs_wolves/2.png', 'images/dogs_wolves/3.png', 'images/cats/1.png', 'images/cats/2.png']);
    const firstDog = samples(zip.files[0]!.data);
    expect(firstDog.colour).toBe(0);
    expect(firstDog.values).toEqual(Array.from(images.classes[0]!.images[0]!.pixels, (v) => Math.round(v * 255)));
    expect(samples(zip.files[4]!.data).values).toEqual(Array.from(images.classes[1]!.images[1]!.pixels, (v) => Math.round(v * 255)));
    // The script reads the same folders, listed in the model's output order (not sorted).
    const block = playgroundBlock(run)!;
    const script = kerasScript(run.setup!.layers, block, data, { weightsFile: null });
    expect(script).toContain('classes = ["dogs_wolves", "cats"]');
    expect(script).toContain('class_names=classes');
    expect(script).toMatch(/Unzip images\.zip beside this script/);
  });

  it('writes colour images as RGB', async () => {
    const images = own(3, { red: 2, blue: 2 });
    const file = await ownImagesArchive(images, ownImagesScript(runOf(images))!);
    const zip = await readZip(new Uint8Array(file.content as ArrayBuffer), streamInflateRaw);
    const png = samples(zip.files[2]!.data);
    expect(png.colour).toBe(2);
    expect(png.values).toEqual(Array.from(images.classes[1]!.images[0]!.pixels, (v) => Math.round(v * 255)));
  });

  it('refuses when the images in the page are no longer those the run trained on', async () => {
    const images = own(1, { a: 2, b: 2 });
    const data = ownImagesScript(runOf(images))!;
    expect(archiveMismatch(images, data)).toBeNull();
    expect(archiveMismatch({ ...images, size: 8 }, data)).toMatch(/size or colour/);
    expect(archiveMismatch(own(1, { a: 2, c: 2 }), data)).toMatch(/classes were changed/);
    await expect(ownImagesArchive(own(3, { a: 2, b: 2 }), data)).rejects.toThrow(/size or colour/);
    expect(ownImagesScript(idleRun)).toBeNull();
  });
});
