import { classFolderNames, type ScriptData } from '../model/file/kerasScript';
import type { OwnImages } from '../data/ownImages';
import { encodePng, streamDeflate, type DeflateZlib } from '../data/pngEncoder';
import { writeZip, type ZipEntry } from '../data/zipWriter';
import type { ExportFile } from './exportFiles';
import type { RunState } from './runState';
import { trainedClasses } from './ownImagesData';

/**
 * The person's own images as the Keras script reads them: one zip holding
 * `images/<class folder>/<n>.png`, each image at the size and colour the
 * playground trained on, so the script runs on the same pixels.
 */

export const IMAGES_ARCHIVE = 'images.zip';

const ENCODE_AT_ONCE = 32;

type OwnImagesScript = Extract<ScriptData, { kind: 'ownImages' }>;

/** The run's script data when it reads the person's own images, else null. */
export function ownImagesScript(run: RunState): OwnImagesScript | null {
  const data = run.data?.exportMeta.script;
  return data?.kind === 'ownImages' ? data : null;
}

/** Why the images in the page are not those the run trained on, or null when they are. */
export function archiveMismatch(own: OwnImages, data: OwnImagesScript): string | null {
  if (own.size !== data.size || own.channels !== data.channels) return 'the images were changed to another size or colour after this run';
  const classes = trainedClasses(own);
  if (classes.length !== data.classNames.length || classes.some((name, i) => name !== data.classNames[i])) return 'the classes were changed after this run';
  return null;
}

/** The zip's entries: the trained classes in output order, each image a PNG named by its place in its class from 1. */
export async function ownImagesEntries(own: OwnImages, data: OwnImagesScript, deflate: DeflateZlib = streamDeflate): Promise<ZipEntry[]> {
  const mismatch = archiveMismatch(own, data);
  if (mismatch) throw new Error(mismatch);
  const folders = classFolderNames(data.classNames);
  const filled = own.classes.filter((c) => c.images.length > 0);
  const items = filled.flatMap((c, i) => c.images.map((image, n) => ({ path: `images/${folders[i]!}/${n + 1}.png`, pixels: image.pixels })));
  const entries: ZipEntry[] = [];
  // A few dozen at a time: each await on one tiny stream alone would leave thousands of images waiting in turn.
  for (let start = 0; start < items.length; start += ENCODE_AT_ONCE) {
    const batch = items.slice(start, start + ENCODE_AT_ONCE);
    const pngs = await Promise.all(batch.map((item) => encodePng({ width: own.size, height: own.size, channels: own.channels, values: item.pixels }, deflate)));
    batch.forEach((item, k) => entries.push({ path: item.path, data: pngs[k]! }));
  }
  return entries;
}

/** images.zip as a download beside the script. Throws when the images in the page are no longer those the run trained on. */
export async function ownImagesArchive(own: OwnImages, data: OwnImagesScript, deflate: DeflateZlib = streamDeflate): Promise<ExportFile> {
  const zip = writeZip(await ownImagesEntries(own, data, deflate));
  return { name: IMAGES_ARCHIVE, type: 'application/zip', content: zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer };
}
