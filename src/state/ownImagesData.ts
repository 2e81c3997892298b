import { notReadyReason, ownImagesTable, type OwnImages } from '../data/ownImages';
import type { LayerSpec } from '../model/layers';
import { defaultExperiment, type Experiment } from './defaults';
import type { DatasetState } from './dataSlice';

/** The dataset state of "Your own images": their table, or what is missing before one can be built. */
export function ownImagesDataset(own: OwnImages): DatasetState {
  const reason = notReadyReason(own);
  if (reason) return { status: 'error', message: `${reason} (Your images stay in this page and are not kept across reloads: after a reload, load them again.)` };
  return { status: 'ready', table: ownImagesTable(own), report: null };
}

/** The classes the model will predict, in output order: those with images. */
export const trainedClasses = (own: OwnImages): string[] => own.classes.filter((c) => c.images.length > 0).map((c) => c.name.trim());

/** The starting CNN of "Your own images", its output one unit per class that has images (at least two). */
export function ownImagesExperiment(own: OwnImages): Experiment {
  const start = defaultExperiment('images');
  const classes = Math.max(2, trainedClasses(own).length);
  const layers = start.layers.map((layer, i, all): LayerSpec => (i === all.length - 1 && layer.kind === 'dense' ? { ...layer, units: classes } : layer));
  return { ...start, layers };
}

/**
 * Whether a change of the images calls for a fresh model: the input shape
 * or the number of classes changed (names and more images of the same
 * classes keep the person's layers and settings).
 */
export function needsNewModel(before: OwnImages, after: OwnImages): boolean {
  return before.size !== after.size || before.channels !== after.channels || trainedClasses(before).length !== trainedClasses(after).length;
}
