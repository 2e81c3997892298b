import { buildTable, type BuildReport, type ColumnPlan } from '../data/buildTable';
import { inferTask, type ColumnInfo } from '../data/columns';
import type { RawCsv } from '../data/csvParse';
import { splitSizes } from '../data/split';
import type { Table } from '../data/table';
import type { ActivationName } from '../model/activations';
import { defaultEarlyStopping } from '../model/earlyStopping';
import type { LayerSpec } from '../model/layers';
import { defaultLossFor } from '../model/losses';
import { outputUnits, type TaskSpec } from '../model/task';
import type { Experiment } from './defaults';

/** A CSV the person brought, with their choices for it. */
export interface CustomData {
  fileName: string;
  raw: RawCsv;
  columns: ColumnInfo[];
  plan: ColumnPlan;
}

/** The plan a fresh upload starts with: the last column as the target, with the task it suggests. */
export function initialPlan(columns: readonly ColumnInfo[]): ColumnPlan {
  const target = columns[columns.length - 1]!;
  return { target: target.name, ignored: [], task: inferTask(target), missing: 'drop' };
}

/** Builds the uploaded table, or says why it cannot be built. */
export function buildCustomTable(custom: CustomData): { table: Table; report: BuildReport } | { error: string } {
  const built = buildTable(custom.raw, custom.columns, custom.plan);
  return built.ok ? { table: built.table, report: built.report } : { error: built.message };
}

const VALIDATION_SPLIT = 0.2;

const outputActivation = (task: TaskSpec): ActivationName =>
  task.kind === 'regression' ? 'linear' : task.kind === 'binary' ? 'sigmoid' : 'softmax';

/**
 * A model for a task of the person's data: two hidden layers, the output the
 * task asks for, and a batch size no larger than the training split.
 */
export function customExperiment(task: TaskSpec, numRows: number): Experiment {
  const trainRows = splitSizes(Math.max(2, numRows), VALIDATION_SPLIT).train;
  const batchSize = Math.min(32, 2 ** Math.floor(Math.log2(trainRows)));
  const layers: LayerSpec[] = [
    { id: 'custom-1', kind: 'dense', units: 32, activation: 'relu' },
    { id: 'custom-2', kind: 'dense', units: 32, activation: 'relu' },
    { id: 'custom-3', kind: 'dense', units: outputUnits(task), activation: outputActivation(task) },
  ];
  return {
    layers,
    config: {
      optimizer: 'adam',
      learningRate: 0.003,
      batchSize,
      epochs: 100,
      loss: defaultLossFor(task),
      validationSplit: VALIDATION_SPLIT,
      scaling: 'standard',
      seed: 42,
      earlyStopping: defaultEarlyStopping,
    },
  };
}
