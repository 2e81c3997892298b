import type { ImageChannels } from '../../data/imagePixels';
import { addToClass, groupByFolder, isHiddenPath, loadImages, reloadAt, roomLeft, type ImageDecoder, type ImageFile, type LoadedImage, type OwnImages } from '../../data/ownImages';
import { readZip, streamInflateRaw } from '../../data/zipReader';
import { usePlayground } from '../../state';
import { decodeInBrowser } from './browserImageDecoder';

/*
 * The loading behind the "Your own images" panel: files are decoded in this
 * page and the result handed to the store. Nothing is sent anywhere.
 */

const current = (): OwnImages => usePlayground.getState().ownImages;
const save = (next: OwnImages): void => usePlayground.getState().setOwnImages(next);

/**
 * Loads run one after another: each decodes at the size and colour it starts
 * with, and a change of those waits for the images being added before it.
 * Each applies its result to the images as they are when it ends, so a class
 * renamed meanwhile keeps its new name.
 */
let queue: Promise<unknown> = Promise.resolve();
function inTurn<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

const files = (list: readonly File[], path: (file: File) => string = (file) => file.name): (ImageFile & { path: string })[] =>
  list.map((file) => ({ name: file.name, blob: file, path: path(file) }));

/** Words about files left out for a reason other than not being images, or null. */
const leftOutNote = (looseNames: string[], leftOver: number): string | null => {
  const notes: string[] = [];
  if (looseNames.length > 0) {
    notes.push(`${looseNames.length === 1 ? '1 file was' : `${looseNames.length} files were`} not inside a class folder and left out: ${looseNames.slice(0, 10).join(', ')}${looseNames.length > 10 ? ' …' : ''}.`);
  }
  if (leftOver > 0) notes.push(`No more images fit in memory at this size and colour: ${leftOver.toLocaleString('en-US')} were left out.`);
  return notes.length > 0 ? notes.join(' ') : null;
};

/** Adds groups of files, each to the class of its name; returns a note about files left out, or null. */
async function addGroups(groups: Map<string, ImageFile[]>, loose: string[], decode: ImageDecoder): Promise<string | null> {
  const start = current();
  const added: [string, LoadedImage[]][] = [];
  const unreadable: string[] = [];
  let room = roomLeft(start);
  let leftOver = 0;
  for (const [name, group] of groups) {
    const loaded = await loadImages(group, decode, start.size, start.channels, Math.max(0, room));
    room -= loaded.images.length;
    leftOver += loaded.leftOver;
    unreadable.push(...loaded.unreadable);
    if (loaded.images.length > 0) added.push([name, loaded.images]);
  }
  const latest = current();
  save({ ...latest, classes: added.reduce((classes, [name, images]) => addToClass(classes, name, images), latest.classes), unreadable });
  return leftOutNote(loose, leftOver);
}

/** "Add images" of one class. */
export function addToClassById(classId: string, list: readonly File[], decode: ImageDecoder = decodeInBrowser): Promise<string | null> {
  return inTurn(() => addToClassNow(classId, list, decode));
}

async function addToClassNow(classId: string, list: readonly File[], decode: ImageDecoder): Promise<string | null> {
  const own = current();
  const target = own.classes.find((c) => c.id === classId);
  if (!target) return null;
  const loaded = await loadImages(files(list), decode, own.size, own.channels, roomLeft(own));
  const latest = current();
  save({
    ...latest,
    classes: latest.classes.map((c) => (c.id === classId ? { ...c, images: [...c.images, ...loaded.images] } : c)),
    unreadable: loaded.unreadable,
  });
  return leftOutNote([], loaded.leftOver);
}

/** A chosen folder: each sub-folder is a class. */
export function addFolder(list: readonly File[], decode: ImageDecoder = decodeInBrowser): Promise<string | null> {
  return inTurn(() => addFolderNow(list, decode));
}

async function addFolderNow(list: readonly File[], decode: ImageDecoder): Promise<string | null> {
  const { groups, loose } = groupByFolder(
    files(list, (file) => file.webkitRelativePath || file.name),
    true,
  );
  return addGroups(groups, loose.map((file) => file.name), decode);
}

/** A zip of one folder per class. Throws with a readable message when the file is not a zip. */
export function addZip(file: File, decode: ImageDecoder = decodeInBrowser): Promise<string | null> {
  return inTurn(() => addZipNow(file, decode));
}

async function addZipNow(file: File, decode: ImageDecoder): Promise<string | null> {
  const contents = await readZip(new Uint8Array(await file.arrayBuffer()), streamInflateRaw);
  const entries = contents.files
    .filter((entry) => !isHiddenPath(entry.path))
    .map((entry) => ({ name: entry.path.split('/').pop() ?? entry.path, blob: new Blob([entry.data as Uint8Array<ArrayBuffer>]), path: entry.path }));
  const { groups, loose } = groupByFolder(entries, false);
  const note = await addGroups(groups, loose.map((entry) => entry.name), decode);
  // Entries the zip reader could not open count as unreadable files too.
  if (contents.unreadable.length > 0) {
    const own = current();
    save({ ...own, unreadable: [...own.unreadable, ...contents.unreadable.map((entry) => entry.path.split('/').pop() ?? entry.path)] });
  }
  return note;
}

/** Another image size or colour: every image decoded again from its file. */
export function changeSettings(size: number, channels: ImageChannels, decode: ImageDecoder = decodeInBrowser): Promise<void> {
  return inTurn(async () => {
    const reloaded = await reloadAt(current(), decode, size, channels);
    // Renames made meanwhile are kept: only the images are replaced, class by class.
    const latest = current();
    const byId = new Map(reloaded.classes.map((c) => [c.id, c.images]));
    save({ ...latest, size, channels, unreadable: reloaded.unreadable, classes: latest.classes.map((c) => ({ ...c, images: byId.get(c.id) ?? [] })) });
  });
}
