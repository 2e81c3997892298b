import type { StateCreator } from 'zustand';
import { applyFeatures, isInputFeature } from '../data/engineeredFeatures';
import { datasetInfo, isDatasetId } from '../data/datasets';
import { drawnSetProblem, drawnTable, withDrawnFeatures } from '../data/drawnPoints';
import { checkWindow } from '../data/series';
import { inputShapeOf, type Table } from '../data/table';
import { parseModelFile, parseTfjsPair, type ImportedModel } from '../model/file/modelFile';
import { fileLimits } from '../model/file/schema';
import type { TrainingConfig } from '../model/trainingConfig';
import type { StoreContext } from './context';
import type { DatasetChoice, DatasetState } from './dataSlice';
import { idleRun } from './runState';
import type { PlaygroundState } from './store';

/** What import needs of a chosen file (a File in the browser). */
export interface PickedFile {
  name: string;
  size: number;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ImportSlice {
  /** Why the last import failed; the experiment was left as it was. */
  importError: string | null;
  /** Imports a one-file model JSON, or a model.json + weights.bin pair, and measures it. */
  importModel(files: readonly PickedFile[]): Promise<void>;
}

type Checked = { ok: true; imported: ImportedModel; label: string } | { ok: false; message: string };

async function readFiles(files: readonly PickedFile[]): Promise<Checked> {
  const big = files.find((file) => file.size > fileLimits.maxBytes);
  if (big) return { ok: false, message: `${big.name} is larger than ${fileLimits.maxBytes / 1024 / 1024} MB, the most the playground imports.` };
  const json = files.filter((file) => !file.name.toLowerCase().endsWith('.bin'));
  const bin = files.filter((file) => file.name.toLowerCase().endsWith('.bin'));
  if (json.length !== 1 || bin.length > 1) {
    return { ok: false, message: 'Choose one model file (.json), or a model.json together with its weights.bin.' };
  }
  const result = bin.length === 1 ? parseTfjsPair(await json[0]!.text(), await bin[0]!.arrayBuffer()) : parseModelFile(await json[0]!.text());
  return result.ok ? { ok: true, imported: result.imported, label: json[0]!.name } : { ok: false, message: `${json[0]!.name}: ${result.message}` };
}

/**
 * A series table cut into the windows a model takes ([window, columns]), or
 * why it cannot be; any other table, or one already cut so, as it is. The
 * horizon is the file's where its playground block says it (files from
 * before it did leave the one on screen).
 */
function seriesWithWindow(table: Table, inputShape: readonly number[], validationSplit: number, horizon: number | null): Table | string {
  const series = table.series;
  if (!series || inputShape.length !== 2 || inputShape[1] !== table.featureNames.length) return table;
  const settings = { ...series, window: inputShape[0]!, horizon: horizon ?? series.horizon };
  if (settings.window === series.window && settings.horizon === series.horizon) return table;
  const problems = checkWindow(table.numRows, settings, validationSplit);
  return problems.length > 0
    ? `the model takes windows of ${settings.window} steps predicting ${settings.horizon} ahead, which this series cannot give: ${problems[0]}`
    : { ...table, series: settings };
}

/**
 * A 2-D table with the inputs a model's file names (x1², sin(x1), …) computed
 * from its points; the table as it is when those are not features of the
 * point, or are the ones on screen already.
 */
function planeWithFeatures(table: Table, wanted: readonly string[] | undefined): Table {
  if (!wanted || table.modality !== 'plane' || !wanted.every(isInputFeature) || sameList(wanted, table.featureNames)) return table;
  const points: Table = table.plane
    ? { ...table, featureNames: ['x1', 'x2'], features: table.plane, plane: undefined, featureKinds: ['numeric', 'numeric'] }
    : table;
  return applyFeatures(points, wanted.filter(isInputFeature));
}

const sameList = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

export const createImportSlice =
  (ctx: StoreContext): StateCreator<PlaygroundState, [], [], ImportSlice> =>
  (set, get) => ({
    importError: null,

    async importModel(files) {
      set({ importError: null });
      const checked = await readFiles(files);
      if (!checked.ok) {
        set({ importError: checked.message });
        return;
      }
      const { imported } = checked;
      const block = imported.playground;
      // The data the model belongs to: the dataset it names if shipped, else the one on screen.
      let choice: DatasetChoice = get().datasetId;
      let table: Table | null = get().dataset.status === 'ready' ? (get().dataset as { table: Table }).table : null;
      if (block && isDatasetId(block.dataset.id) && block.dataset.id !== choice) {
        choice = block.dataset.id;
        // A synthetic set comes with its default noise, points and seed; your own points are the ones in the page.
        table = choice === 'drawn' ? (drawnSetProblem(get().drawn) ? null : drawnTable(get().drawn)) : await ctx.tableFor(choice).catch(() => null);
      }
      const fail = (message: string) => set({ importError: `${checked.label}: ${message}` });
      if (!table) {
        fail(
          block?.dataset.id === 'custom'
            ? `the model was trained on ${block.dataset.label}; load that CSV first, then import the model.`
            : block?.dataset.id === 'drawn'
              ? `the model was trained on points drawn by hand, and “Your own points” cannot be used yet: ${drawnSetProblem(get().drawn) ?? 'draw them first'}`
              : block?.dataset.id === 'images'
              ? 'the model was trained on your own images; choose “Your own images” and load them first, then import the model.'
              : 'its data could not be loaded.',
        );
        return;
      }
      const config: TrainingConfig = block ? block.config : get().config;
      // A series model's input is a window of steps: take the model's window, which the
      // person may have changed before exporting, rather than refuse it for the one on screen.
      const windowed = seriesWithWindow(table, imported.inputShape, config.validationSplit, block?.series?.horizon ?? null);
      if (typeof windowed === 'string') {
        fail(windowed);
        return;
      }
      // A 2-D model may take engineered inputs (x1², x1·x2, …): compute them from the points.
      const reshaped = planeWithFeatures(windowed, block?.features);
      const windowChanged = reshaped !== table;
      table = reshaped;
      // The inputs the 2-D set's "Input features" then show ticked.
      const features = table.modality === 'plane' && table.featureNames.every(isInputFeature) ? table.featureNames.filter(isInputFeature) : null;
      if (!sameList(inputShapeOf(table), imported.inputShape)) {
        fail(`the model takes inputs of shape [${imported.inputShape.join(', ')}], but ${choice === 'custom' ? 'the loaded CSV' : datasetInfo(choice).label} has [${inputShapeOf(table).join(', ')}].`);
        return;
      }
      if (block && !sameList(block.features, table.featureNames)) {
        fail('the model expects other features, or the same ones in another order, than the data on screen.');
        return;
      }
      ctx.generation++;
      ctx.client.abandon();
      const switched = choice !== get().datasetId;
      const source = choice === 'custom' ? null : datasetInfo(choice).source;
      set({
        datasetId: choice,
        ...(switched
          ? { dataset: { status: 'ready', table, report: null }, synthetic: source?.kind === 'synthetic' ? { ...source.defaults, ...(features ? { features } : {}) } : null }
          : windowChanged
            ? {
                dataset: { ...(get().dataset as Extract<DatasetState, { status: 'ready' }>), table },
                ...(features && get().synthetic ? { synthetic: { ...get().synthetic!, features } } : {}),
              }
            : {}),
        // Your own points keep the features the model reads, so that the table built from them again is this one.
        ...(choice === 'drawn' && features ? { drawn: withDrawnFeatures(get().drawn, features) } : {}),
        // The window the table is now cut into, so a reload or a link keeps the model's.
        ...(table.series ? { seriesWindow: { window: table.series.window, horizon: table.series.horizon } } : {}),
        layers: imported.layers,
        config,
        imported: { fileName: checked.label, model: imported.model },
        run: idleRun,
        problems: [],
      });
      await get().evaluate();
    },
  });
