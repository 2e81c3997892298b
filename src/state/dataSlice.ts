import type { StateCreator } from 'zustand';
import type { BuildReport, ColumnPlan } from '../data/buildTable';
import { datasetInfo, type DatasetId } from '../data/datasets';
import { inferTask } from '../data/columns';
import { csvLimits, csvTooLarge } from '../data/csvLimits';
import { generate, type SyntheticOptions } from '../data/synthetic';
import type { SeriesWindow, Table } from '../data/table';
import type { ParsedUpload } from '../engine/csvProtocol';
import type { StoreContext } from './context';
import { buildCustomTable, customExperiment, planUpload, type CustomData } from './customData';
import { DEFAULT_DATASET, defaultExperiment } from './defaults';
import { lessonConfig, lessons, type Lesson, type LessonId } from './lessons';
import type { LayerSpec } from '../model/layers';
import { idleRun } from './runState';
import type { PlaygroundState } from './store';

/** A shipped dataset, or the CSV the person uploaded. */
export type DatasetChoice = DatasetId | 'custom';

export type DatasetState =
  | { status: 'loading' }
  | { status: 'ready'; table: Table; report: BuildReport | null }
  | { status: 'error'; message: string };

export interface DataSlice {
  datasetId: DatasetChoice;
  dataset: DatasetState;
  /** Noise, points and seed of the selected synthetic set (null for others). */
  synthetic: SyntheticOptions | null;
  /** The uploaded CSV and the person's column choices. */
  custom: CustomData | null;
  /** A message about the last upload that failed; the previous data stays. */
  uploadError: string | null;
  /** The lesson whose experiment is on screen, until the person picks other data. */
  lesson: LessonId | null;

  selectDataset(id: DatasetChoice): void;
  /** Loads the selected dataset again (after a failed load). */
  reloadDataset(): void;
  setSyntheticOptions(patch: Partial<SyntheticOptions>): void;
  /** Draws new points with a fresh seed. */
  regenerate(): void;
  /**
   * A time series' window: steps of history per example and steps ahead to
   * predict. Ends the run, as the model's input shape changes with it.
   */
  setSeriesWindow(patch: Partial<SeriesWindow>): void;
  /** Reads a CSV off the main thread and selects it. */
  uploadCsv(file: Blob, fileName: string): Promise<void>;
  setColumnPlan(patch: Partial<ColumnPlan>): void;
  /** Sets up a lesson's experiment: its data, layers and settings. */
  applyLesson(id: LessonId): void;
  closeLesson(): void;
}

export const createDataSlice =
  (ctx: StoreContext, parseCsv: (file: Blob) => Promise<ParsedUpload>): StateCreator<PlaygroundState, [], [], DataSlice> =>
  (set, get) => {
    const fetchTable = ctx.tableFor;

    /** Makes the selected data current, synchronously where it can. */
    const loadSelected = (): void => {
      const { datasetId: id, synthetic, custom } = get();
      if (id === 'custom') {
        const built = custom ? buildCustomTable(custom) : { error: 'No file has been uploaded.' };
        set({ dataset: 'error' in built ? { status: 'error', message: built.error } : { status: 'ready', ...built } });
        return;
      }
      const source = datasetInfo(id).source;
      if (source.kind === 'synthetic') {
        // Generated here and now (a few thousand points at most): waiting for a
        // promise left the previous set's table marked ready in between, and a
        // Train pressed then trained the old points under the new set's name.
        set({ dataset: { status: 'ready', table: generate(source.generator, synthetic ?? source.defaults), report: null } });
        return;
      }
      set({ dataset: { status: 'loading' } });
      fetchTable(id).then(
        (table) => get().datasetId === id && set({ dataset: { status: 'ready', table, report: null } }),
        (error: unknown) =>
          get().datasetId === id &&
          set({ dataset: { status: 'error', message: `Could not load ${datasetInfo(id).label}: ${String(error)}` } }),
      );
    };

    /** Ends the run and starts over with new data (loaded here unless it comes already built). */
    const replaceData = (patch: Partial<PlaygroundState>, built?: DatasetState): void => {
      ctx.generation++;
      ctx.client.abandon();
      // The old table goes in the same update as the new choice: no state pairs the new set with the old points.
      set({ imported: null, lesson: null, ...patch, dataset: built ?? { status: 'loading' }, run: idleRun, problems: [], uploadError: null });
      if (!built) loadSelected();
    };

    return {
      datasetId: DEFAULT_DATASET,
      dataset: { status: 'loading' },
      synthetic: null,
      custom: null,
      uploadError: null,
      lesson: null,

      applyLesson(id) {
        const lesson: Lesson = lessons[id];
        const source = datasetInfo(lesson.dataset).source;
        replaceData({
          datasetId: lesson.dataset,
          synthetic: source.kind === 'synthetic' ? { ...(lesson.synthetic ?? source.defaults) } : null,
          layers: lesson.layers.map((layer, i) => ({ ...layer, id: `${id}-${i + 1}` }) as LayerSpec),
          config: lessonConfig(lesson, defaultExperiment(lesson.dataset).config),
          lesson: id,
        });
      },

      closeLesson() {
        set({ lesson: null });
      },

      selectDataset(id) {
        if (id === get().datasetId) return;
        if (id === 'custom') {
          const custom = get().custom;
          if (custom) replaceData({ datasetId: id, synthetic: null, ...customExperiment(custom.plan.task, custom.raw.rows.length) });
          return;
        }
        const source = datasetInfo(id).source;
        replaceData({
          datasetId: id,
          synthetic: source.kind === 'synthetic' ? { ...source.defaults } : null,
          ...defaultExperiment(id),
        });
      },

      reloadDataset: loadSelected,

      setSyntheticOptions(patch) {
        const synthetic = get().synthetic;
        if (synthetic) replaceData({ synthetic: { ...synthetic, ...patch } });
      },

      setSeriesWindow(patch) {
        const { dataset } = get();
        if (dataset.status !== 'ready' || !dataset.table.series) return;
        const { table } = dataset;
        replaceData({}, { ...dataset, table: { ...table, series: { ...table.series!, ...patch } } });
      },

      regenerate() {
        const synthetic = get().synthetic;
        if (synthetic) replaceData({ synthetic: { ...synthetic, seed: Math.floor(Math.random() * 1_000_000) } });
      },

      async uploadCsv(file, fileName) {
        // The size is known without reading the file: a huge one is refused at once, never sent to be read.
        if (file.size > csvLimits.maxBytes) {
          set({ uploadError: `${fileName}: ${csvTooLarge(file.size)}` });
          return;
        }
        set({ uploadError: null });
        const parsed = await parseCsv(file);
        if (!parsed.ok) {
          set({ uploadError: `${fileName}: ${parsed.message}` });
          return;
        }
        // A file that parses but cannot become a table is refused here, before it replaces the experiment.
        const planned = planUpload(fileName, parsed.raw, parsed.columns);
        if (!planned.ok) {
          set({ uploadError: `${fileName}: ${planned.message}` });
          return;
        }
        const { custom, table, report } = planned;
        replaceData(
          { custom, datasetId: 'custom', synthetic: null, ...customExperiment(custom.plan.task, parsed.raw.rows.length) },
          { status: 'ready', table, report },
        );
      },

      setColumnPlan(patch) {
        const custom = get().custom;
        if (!custom) return;
        const plan = { ...custom.plan, ...patch };
        if (patch.target !== undefined && patch.task === undefined) {
          // A new target suggests its own task, and cannot also be ignored.
          const column = custom.columns.find((c) => c.name === patch.target);
          if (column) plan.task = inferTask(column);
          plan.ignored = plan.ignored.filter((name) => name !== patch.target);
        }
        const taskChanged = JSON.stringify(plan.task) !== JSON.stringify(custom.plan.task);
        replaceData({ custom: { ...custom, plan }, ...(taskChanged ? customExperiment(plan.task, custom.raw.rows.length) : {}) });
      },
    };
  };
