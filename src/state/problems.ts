import { featureProblems } from '../data/engineeredFeatures';
import { checkWindow } from '../data/series';
import { SERIES_TEST_SPLIT } from '../data/prepare';
import { checkTestSplit, splitSizes } from '../data/split';
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
  const testSplit = config.testSplit ?? 0;
  const trainRows = table.numRows >= 2 ? splitSizes(table.numRows, config.validationSplit, table.series ? 0 : testSplit).train : 0;
  // A series holds out its end for validation; a test split there is refused (see prepareData).
  const testProblem = testSplit > 0 ? (table.series ? SERIES_TEST_SPLIT : checkTestSplit(table.numRows, config.validationSplit, testSplit)) : null;
  return {
    model: validateModel({ inputShape: inputShapeOf(table), layers: [...layers] }, table.task, config.loss),
    // A series' window must fit in its training part, or there is nothing to train on.
    config: [
      ...featureProblems(table),
      ...checkTrainingConfig(config, trainRows),
      ...(testProblem ? [testProblem] : []),
      ...(table.series ? checkWindow(table.numRows, table.series, config.validationSplit) : []),
    ],
  };
}

/** The same as one list of sentences. */
export function experimentProblems(table: Table, layers: readonly LayerSpec[], config: TrainingConfig): string[] {
  const issues = experimentIssues(table, layers, config);
  return [...issues.model.map((issue) => issue.message), ...issues.config];
}
