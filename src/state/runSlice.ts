import type { StateCreator } from 'zustand';
import { PROBE_GRID_SIZE, planeGrid } from '../data/grid';
import { seriesProbeSetup } from '../data/forecast';
import { prepareData } from '../data/prepare';
import type { StoreContext } from './context';
import { exportMetaFor } from './exportMeta';
import { experimentProblems } from './problems';
import { idleRun, isActive, type RunData, type RunState } from './runState';
import type { PlaygroundState } from './store';

export interface RunSlice {
  run: RunState;
  /** Why the last press of Train did not start a run. */
  problems: string[];

  /** Starts a run, or resumes a paused one. */
  train(): Promise<void>;
  pause(): void;
  /** Trains one epoch (starting a run if there is none) and pauses. */
  step(): Promise<void>;
  stop(): void;
  /** Ends any run and clears its history; the experiment stays. */
  reset(): void;
  /** Ends the current run and starts a new one with the experiment as it is now. */
  restart(): Promise<void>;
  /** Sets the learning rate; a run under way uses it from its next batch. */
  setLearningRate(learningRate: number): void;
  /** Measures the imported model on the validation rows without training it. */
  evaluate(): Promise<void>;
  /** Asks the worker for the paused run's model (it arrives in `run.model`). */
  requestModel(): void;
}

export const createRunSlice =
  (ctx: StoreContext): StateCreator<PlaygroundState, [], [], RunSlice> =>
  (set, get) => {
    /** Starts a fresh run of the current experiment; false when it could not start. */
    const startRun = async (mode: 'run' | 'step' | 'evaluate' = 'run'): Promise<boolean> => {
      ctx.generation++;
      const { datasetId, layers, config, dataset } = get();
      if (dataset.status !== 'ready') {
        set({ problems: [dataset.status === 'loading' ? 'The data is still loading.' : dataset.message] });
        return false;
      }
      const { table } = dataset;
      const problems = experimentProblems(table, layers, config);
      if (problems.length > 0) {
        set({ run: idleRun, problems });
        return false;
      }
      const prepared = prepareData(table, config.validationSplit, config.seed, config.scaling, config.seriesSplit, config.testSplit ?? 0);
      const grid = table.modality === 'plane' ? planeGrid(table, prepared.scaler) : null;
      const probeGrid = table.modality === 'plane' ? planeGrid(table, prepared.scaler, PROBE_GRID_SIZE) : null;
      // A batch larger than the training split is clamped, and the run says so.
      const batchSize = Math.min(config.batchSize, prepared.numTrain);
      const notes =
        batchSize < config.batchSize
          ? [`Batch size ${config.batchSize} is larger than the ${prepared.numTrain} training rows, so this run uses ${batchSize}.`]
          : [];
      const data: RunData = {
        numTrain: prepared.numTrain,
        batchSize,
        notes,
        // Copies: the originals' buffers move to the worker.
        yVal: prepared.yVal.slice(),
        targetSize: prepared.targetSize,
        validationRows: prepared.validationRows,
        trainRows: prepared.trainRows,
        ...(prepared.yTest && prepared.testRows ? { yTest: prepared.yTest.slice(), testRows: prepared.testRows } : {}),
        grid: grid?.spec ?? null,
        probeGrid: probeGrid?.spec ?? null,
        exportMeta: exportMetaFor(datasetId, table, prepared, get().custom),
      };
      const imported = Boolean(get().imported?.model);
      // Read before the inputs' buffer moves to the worker: a diverging run's advice depends on it.
      const largestInput = prepared.xTrain.reduce((max, v) => (Math.abs(v) > max ? Math.abs(v) : max), 0);
      set({ run: { ...idleRun, phase: 'starting', setup: { datasetId, layers, config, imported, largestInput }, data }, problems: [] });
      const runId = ctx.client.startRun({
        layers,
        task: table.task,
        config: { ...config, batchSize },
        data: {
          xTrain: prepared.xTrain,
          yTrain: prepared.yTrain,
          xVal: prepared.xVal,
          yVal: prepared.yVal,
          inputShape: prepared.inputShape,
          targetSize: prepared.targetSize,
          grid: grid?.inputs ?? null,
          probeGrid: probeGrid?.inputs ?? null,
          series: seriesProbeSetup(table, prepared),
          xTest: prepared.xTest ?? null,
          yTest: prepared.yTest ?? null,
        },
        initialModel: get().imported?.model ?? null,
      }, mode);
      set((state) => ({ run: { ...state.run, runId } }));
      return true;
    };

    return {
      run: idleRun,
      problems: [],

      async train() {
        const { phase } = get().run;
        if (phase === 'paused') ctx.client.resume();
        else if (!isActive(get().run)) await startRun();
      },

      pause() {
        if (get().run.phase === 'running') ctx.client.pause();
      },

      async step() {
        const { phase } = get().run;
        if (phase === 'paused') ctx.client.step();
        else if (!isActive(get().run)) await startRun('step');
      },

      stop() {
        const { phase } = get().run;
        if (phase === 'running' || phase === 'paused') ctx.client.stop();
        else if (phase === 'starting') {
          ctx.generation++;
          set({ run: idleRun });
        }
      },

      reset() {
        ctx.generation++;
        ctx.client.abandon();
        set({ run: idleRun, problems: [] });
      },

      async restart() {
        ctx.client.abandon();
        await startRun();
      },

      async evaluate() {
        ctx.client.abandon();
        await startRun('evaluate');
      },

      requestModel() {
        if (get().run.phase === 'paused') ctx.client.exportModel();
      },

      setLearningRate(learningRate) {
        set({ config: { ...get().config, learningRate } });
        const { phase } = get().run;
        if (phase === 'running' || phase === 'paused') ctx.client.setLearningRate(learningRate);
      },
    };
  };
