import { buildModelFile, buildTfjsPair } from '../model/file/modelFile';
import { kerasScript } from '../model/file/kerasScript';
import type { ScriptRows } from '../model/file/kerasSplit';
import type { PlaygroundBlock } from '../model/file/schema';
import { imagePreprocessing } from '../data/imagePixels';
import type { RunState } from './runState';

/** A file to hand to the person. */
export interface ExportFile {
  name: string;
  type: string;
  content: string | ArrayBuffer;
}

/** 'kerasWeights': the Keras script that starts from the trained weights, with the model file it reads them from. */
export type ExportFormat = 'json' | 'pair' | 'keras' | 'kerasWeights';

/** The playground block of a run: the data its model expects and how it was trained. */
export function playgroundBlock(run: RunState): PlaygroundBlock | null {
  if (!run.data || !run.setup) return null;
  const meta = run.data.exportMeta;
  return {
    version: 1,
    dataset: meta.dataset,
    task: meta.task,
    target: meta.target,
    features: meta.features,
    inputShape: meta.inputShape,
    encodings: meta.encodings,
    classNames: meta.classNames,
    scaler: meta.scaler,
    config: run.setup.config,
    history: run.history,
    ...(run.test ? { test: { loss: run.test.loss, metric: run.test.metric, rows: run.test.predictions.length / run.data.targetSize } } : {}),
    ...(meta.engineered ? { engineered: meta.engineered } : {}),
    ...(meta.series ? { series: meta.series } : {}),
    ...(meta.script.kind === 'ownImages' ? { image: imagePreprocessing(meta.script.size, meta.script.size, meta.script.channels) } : {}),
  };
}

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'model';

/**
 * The run's validation and test rows for a script whose data it reads in the
 * table's own row order (a CSV, a 2-D set's points, Fashion-MNIST's bytes);
 * null where the script reads the data in another order (image folders) or
 * splits by time (a series).
 */
function scriptRows(run: RunState): ScriptRows | null {
  const data = run.data;
  const kind = data?.exportMeta.script.kind;
  if (!data || !(kind === 'csv' || kind === 'synthetic' || kind === 'fashionMnist')) return null;
  const test = data.testRows ?? new Uint32Array(0);
  return { numRows: data.trainRows.length + data.validationRows.length + test.length, validation: data.validationRows, test };
}

/** The files of an export: one JSON, the tfjs pair, or a Keras script (with its values, for a generated set or series). Null when there is nothing to export yet. */
export function exportFiles(run: RunState, format: ExportFormat): ExportFile[] | null {
  const block = playgroundBlock(run);
  if (!block || !run.setup) return null;
  const base = `${slug(block.dataset.id)}_model`;
  if (format === 'keras' || format === 'kerasWeights') {
    const data = run.data!.exportMeta.script;
    const fromWeights = format === 'kerasWeights' && run.model !== null;
    if (format === 'kerasWeights' && !fromWeights) return null;
    const weightsFile = fromWeights ? `${base}.json` : null;
    const script: ExportFile = { name: `${base}.py`, type: 'text/x-python', content: kerasScript(run.setup.layers, block, data, { weightsFile, rows: scriptRows(run) }) };
    const saved: ExportFile[] = fromWeights ? [{ name: weightsFile!, type: 'application/json', content: buildModelFile(run.model!, block) }] : [];
    // A generated set or series exists only in the page: its values go with the script, which reads them.
    if (data.kind === 'synthetic') return [script, ...saved, { name: `${data.name}.csv`, type: 'text/csv', content: data.csv }];
    if (data.kind === 'series' && data.csv !== null) return [script, ...saved, { name: data.file, type: 'text/csv', content: data.csv }];
    return [script, ...saved];
  }
  if (!run.model) return null;
  if (format === 'json') return [{ name: `${base}.json`, type: 'application/json', content: buildModelFile(run.model, block) }];
  const pair = buildTfjsPair(run.model, block);
  return [
    { name: 'model.json', type: 'application/json', content: pair.modelJson },
    { name: 'weights.bin', type: 'application/octet-stream', content: pair.weightsBin },
  ];
}
