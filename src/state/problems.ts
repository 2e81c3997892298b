import { checkWindow } from '../data/series';
import { splitSizes } from '../data/split';
import { inputShapeOf, type Table } from '../data/table';
import type { LayerSpec } from '../model/layers';
import { checkTrainingConfig, type TrainingConfig } from '../model/trainingConfig';
import { validateModel, type ModelIssue } from '../model/validate';

/** Everything that stops the experiment from training, split into the layers' issues and the config's. */
export function experimentIssues(
  table: Table,
  layers: readonly LayerSpec[],
  config: TrainingConfig,
): { model: ModelIssue[]; config: string[] } {
  const trainRows = table.numRows >= 2 ? splitSizes(table.numRows, config.validationSplit).train : 0;
  return {
    model: validateModel({ inputShape: inputShapeOf(table), layers: [...layers] }, table.task, config.loss),
    // A series' window must fit in its training part, or there is nothing to train on.
    config: [...checkTrainingConfig(config, trainRows), ...(table.series ? checkWindow(table.numRows, table.series, config.validationSplit) : [])],
  };
}

/** The same as one list of sentences. */
export function experimentProblems(table: Table, layers: readonly LayerSpec[], config: TrainingConfig): string[] {
  const issues = experimentIssues(table, layers, config);
  return [...issues.model.map((issue) => issue.message), ...issues.config];
}
