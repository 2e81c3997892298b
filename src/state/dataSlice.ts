import type { StateCreator } from 'zustand';
import type { BuildReport, ColumnPlan } from '../data/buildTable';
import { datasetInfo, type DatasetId } from '../data/datasets';
import { inferTask } from '../data/columns';
import { csvLimits, csvTooLarge } from '../data/csvLimits';
import { DEFAULT_SERIES_WINDOW } from '../data/seriesSources';
import { applyFeatures, DEFAULT_FEATURES, type InputFeature, type PlaneSettings } from '../data/engineeredFeatures';
import { generate } from '../data/synthetic';
import {
  addDrawnPoint,
  drawnFromTable,
  drawnSetProblem,
  drawnTable,
  emptyDrawnSet,
  eraseDrawnPoints,
  STARTER_POINTS,
  withDrawnFeatures,
  withDrawnTask,
  type DrawnSet,
  type DrawnTask,
} from '../data/drawnPoints';
import { emptyOwnImages, type OwnImages } from '../data/ownImages';
import type { SeriesWindow, Table } from '../data/table';
import type { ParsedUpload } from '../engine/csvProtocol';
import type { StoreContext } from './context';
import { buildCustomTable, customExperiment, customSeriesExperiment, planUpload, planWithTime, type CustomData } from './customData';
import { DEFAULT_DATASET, defaultExperiment, type Experiment } from './defaults';
import { lessonConfig, lessons, type Lesson, type LessonId } from './lessons';
import { needsNewModel, ownImagesDataset, ownImagesExperiment } from './ownImagesData';
import type { LayerSpec } from '../model/layers';
import { idleRun, isActive } from './runState';
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
  /** Noise, points and seed of the selected synthetic set, and its input features (null for others). */
  synthetic: PlaneSettings | null;
  /** The uploaded CSV and the person's column choices. */
  custom: CustomData | null;
  /** A message about the last upload that failed; the previous data stays. */
  uploadError: string | null;
  /** The lesson whose experiment is on screen, until the person picks other data. */
  lesson: LessonId | null;
  /**
   * Window and horizon of a time series, kept with the experiment (stored,
   * shared) and applied to the series when it loads; each dataset opens
   * with the default, 20 steps predicting the next.
   */
  seriesWindow: SeriesWindow;
  /**
   * The points of "Your own points" (dataset 'drawn'), kept while other sets
   * are shown; stored and shared with the experiment while that set is selected.
   */
  drawn: DrawnSet;

  /** The classes of "Your own images" (dataset 'images'), decoded at their size and colour; in memory only, never stored. */
  ownImages: OwnImages;
  /** Replaces the own images; shown at once when that set is selected (a fresh model when the shape or the number of classes changed). */
  setOwnImages(next: OwnImages): void;

  selectDataset(id: DatasetChoice): void;
  /** Adds a drawn point (label: the class, or the value for regression); ignored while a run is under way or the set is full. */
  addDrawnPoint(x1: number, x2: number, label: number): void;
  /** Removes the drawn points near (x1, x2). */
  eraseDrawnPoints(x1: number, x2: number): void;
  /** "Clear points": the drawn set empty again. */
  clearDrawnPoints(): void;
  /** Classes or values: the points keep their places, and the model starts over for the task. */
  setDrawnTask(task: DrawnTask): void;
  /** Replaces the drawn points with the first points of a generated 2-D set (its defaults), and its task; the input features stay. */
  startDrawnFrom(id: DatasetId): void;
  /** The drawn set's input features (computed from each point); as for a generated set, a change ends the run. */
  setDrawnFeatures(features: InputFeature[]): void;
  /** Loads the selected dataset again (after a failed load). */
  reloadDataset(): void;
  /** Changes a 2-D set's options or its input features (computed from each point when the table is built). */
  setSyntheticOptions(patch: Partial<PlaneSettings>): void;
  /** Draws new points with a fresh seed. */
  regenerate(): void;
  /**
   * A time series' window: steps of history per example and steps ahead to
   * predict. Ends the run, as the model's input shape changes with it.
   */
  setSeriesWindow(patch: Partial<SeriesWindow>): void;
  /** Reads a CSV off the main thread and selects it. */
  uploadCsv(file: Blob, fileName: string): Promise<void>;
  /** Changes the uploaded file's plan; a `time` column reads it as a series ordered by that column, null as a table again. */
  setColumnPlan(patch: Partial<ColumnPlan>): void;
  /** Sets up a lesson's experiment: its data, layers and settings. */
  applyLesson(id: LessonId): void;
  closeLesson(): void;
}

/** The experiment an uploaded file starts with: a forecaster for a series, else a dense net for its task. */
const customStart = (custom: CustomData, window: SeriesWindow): Experiment =>
  custom.plan.time ? customSeriesExperiment(custom.raw.rows.length, window) : customExperiment(custom.plan.task, custom.raw.rows.length);

/** A series table cut into the chosen windows; other tables as they are. */
const withWindow = (table: Table, window: SeriesWindow): Table =>
  table.series ? { ...table, series: { ...table.series, window: window.window, horizon: window.horizon } } : table;

export const createDataSlice =
  (ctx: StoreContext, parseCsv: (file: Blob) => Promise<ParsedUpload>): StateCreator<PlaygroundState, [], [], DataSlice> =>
  (set, get) => {
    const fetchTable = ctx.tableFor;

    /** Makes the selected data current, synchronously where it can. */
    const loadSelected = (): void => {
      const { datasetId: id, synthetic, custom } = get();
      if (id === 'custom') {
        const built = custom ? buildCustomTable(custom, get().seriesWindow) : { error: 'No file has been uploaded.' };
        set({ dataset: 'error' in built ? { status: 'error', message: built.error } : { status: 'ready', ...built } });
        return;
      }
      const source = datasetInfo(id).source;
      if (source.kind === 'ownImages') {
        set({ dataset: ownImagesDataset(get().ownImages) });
        return;
      }
      if (source.kind === 'drawn') {
        // Too few points is not a table yet: the reason stands where the table would, and Train waits.
        const problem = drawnSetProblem(get().drawn);
        set({ dataset: problem ? { status: 'error', message: problem } : { status: 'ready', table: drawnTable(get().drawn), report: null } });
        return;
      }
      if (source.kind === 'synthetic') {
        // Generated here and now (a few thousand points at most): waiting for a
        // promise left the previous set's table marked ready in between, and a
        // Train pressed then trained the old points under the new set's name.
        const options = synthetic ?? source.defaults;
        const table = applyFeatures(generate(source.generator, options), synthetic?.features ?? DEFAULT_FEATURES);
        set({ dataset: { status: 'ready', table, report: null } });
        return;
      }
      set({ dataset: { status: 'loading' } });
      fetchTable(id).then(
        // The window is read when the table arrives: a stored or shared one set meanwhile applies.
        (table) => get().datasetId === id && set({ dataset: { status: 'ready', table: withWindow(table, get().seriesWindow), report: null } }),
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

    /** Puts a changed drawn set on screen; the run on the old points ends with them. */
    const redraw = (next: DrawnSet, patch: Partial<PlaygroundState> = {}): void => {
      if (next === get().drawn || isActive(get().run)) return;
      if (get().datasetId === 'drawn') replaceData({ drawn: next, ...patch });
      else set({ drawn: next });
    };

    return {
      datasetId: DEFAULT_DATASET,
      dataset: { status: 'loading' },
      synthetic: null,
      custom: null,
      uploadError: null,
      lesson: null,
      seriesWindow: DEFAULT_SERIES_WINDOW,
      drawn: emptyDrawnSet,
      ownImages: emptyOwnImages(),

      setOwnImages(next) {
        const before = get().ownImages;
        if (next === before) return;
        if (get().datasetId !== 'images') set({ ownImages: next });
        else replaceData({ ownImages: next, ...(needsNewModel(before, next) ? ownImagesExperiment(next) : {}) });
      },

      addDrawnPoint(x1, x2, label) {
        redraw(addDrawnPoint(get().drawn, x1, x2, label));
      },

      eraseDrawnPoints(x1, x2) {
        redraw(eraseDrawnPoints(get().drawn, x1, x2));
      },

      clearDrawnPoints() {
        if (get().drawn.points.length > 0) redraw({ ...get().drawn, points: [] });
      },

      setDrawnTask(task) {
        const next = withDrawnTask(get().drawn, task);
        redraw(next, get().datasetId === 'drawn' ? defaultExperiment('drawn', task) : {});
      },

      startDrawnFrom(id) {
        const source = datasetInfo(id).source;
        if (source.kind !== 'synthetic') return;
        const started = drawnFromTable(generate(source.generator, { ...source.defaults, numPoints: STARTER_POINTS }));
        const { features } = get().drawn;
        const next = features ? { ...started, features } : started;
        redraw(next, get().datasetId === 'drawn' ? defaultExperiment('drawn', next.task) : {});
      },

      setDrawnFeatures(features) {
        const next = withDrawnFeatures(get().drawn, features);
        if (next === get().drawn) return;
        // Not refused during a run, as redraw is: the generated sets' features end the run too.
        if (get().datasetId === 'drawn') replaceData({ drawn: next });
        else set({ drawn: next });
      },

      applyLesson(id) {
        const lesson: Lesson = lessons[id];
        const source = datasetInfo(lesson.dataset).source;
        replaceData({
          datasetId: lesson.dataset,
          synthetic: source.kind === 'synthetic' ? { ...(lesson.synthetic ?? source.defaults) } : null,
          layers: lesson.layers.map((layer, i) => ({ ...layer, id: `${id}-${i + 1}` }) as LayerSpec),
          config: lessonConfig(lesson, defaultExperiment(lesson.dataset).config),
          seriesWindow: DEFAULT_SERIES_WINDOW,
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
          if (custom) replaceData({ datasetId: id, synthetic: null, seriesWindow: DEFAULT_SERIES_WINDOW, ...customStart(custom, DEFAULT_SERIES_WINDOW) });
          return;
        }
        const source = datasetInfo(id).source;
        replaceData({
          datasetId: id,
          synthetic: source.kind === 'synthetic' ? { ...source.defaults } : null,
          seriesWindow: DEFAULT_SERIES_WINDOW,
          ...(id === 'images' ? ownImagesExperiment(get().ownImages) : defaultExperiment(id, get().drawn.task)),
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
        const seriesWindow = { ...get().seriesWindow, ...patch };
        replaceData({ seriesWindow }, { ...dataset, table: withWindow(dataset.table, seriesWindow) });
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
        const planned = planUpload(fileName, parsed.raw, parsed.columns, parsed.timeColumns);
        if (!planned.ok) {
          set({ uploadError: `${fileName}: ${planned.message}` });
          return;
        }
        const { custom, table, report } = planned;
        replaceData(
          { custom, datasetId: 'custom', synthetic: null, seriesWindow: DEFAULT_SERIES_WINDOW, ...customStart(custom, DEFAULT_SERIES_WINDOW) },
          { status: 'ready', table, report },
        );
      },

      setColumnPlan(patch) {
        const custom = get().custom;
        if (!custom) return;
        const timeChanged = patch.time !== undefined && (patch.time ?? null) !== (custom.plan.time ?? null);
        // Reading the file as a series (or as a table again) sets the roles of its columns anew.
        const plan = timeChanged ? planWithTime(custom, patch.time ?? null) : { ...custom.plan, ...patch };
        if (!timeChanged && patch.target !== undefined && patch.task === undefined) {
          // A new target suggests its own task (a series always predicts a number), and is used, not ignored: in a series it is an input too.
          const column = custom.columns.find((c) => c.name === patch.target);
          if (column && !plan.time) plan.task = inferTask(column);
          plan.ignored = plan.ignored.filter((name) => name !== patch.target);
        }
        const next = { ...custom, plan };
        const taskChanged = JSON.stringify(plan.task) !== JSON.stringify(custom.plan.task);
        replaceData({ custom: next, ...(taskChanged || timeChanged ? customStart(next, get().seriesWindow) : {}) });
      },
    };
  };
