/**
 * What a dataset asks the model to predict. The output layer, the loss and the
 * metrics all follow from it.
 */
export type TaskSpec =
  | { kind: 'regression' }
  | { kind: 'binary' }
  | { kind: 'multiclass'; numClasses: number };

/** Number of values the model's last layer must output for a task. */
export function outputUnits(task: TaskSpec): number {
  return task.kind === 'multiclass' ? task.numClasses : 1;
}

/** The metric reported beside the loss: accuracy for classification, MAE for regression. */
export function metricFor(task: TaskSpec): 'accuracy' | 'mae' {
  return task.kind === 'regression' ? 'mae' : 'accuracy';
}

export function describeTask(task: TaskSpec): string {
  switch (task.kind) {
    case 'regression':
      return 'regression (predict a number)';
    case 'binary':
      return 'binary classification (yes or no)';
    case 'multiclass':
      return `classification into ${task.numClasses} classes`;
  }
}
