import type { TaskSpec } from './task';

/**
 * The losses of the course. `tasks` lists the kinds of target each one makes
 * sense for; `output` is the activation the last layer must have for it.
 */
export interface LossInfo {
  label: string;
  /** Keras's identifier, as `model.compile(loss=...)` takes it. */
  keras: string;
  tasks: readonly TaskSpec['kind'][];
  output: 'any' | 'sigmoid' | 'softmax';
}

export const losses = {
  mae: { label: 'Mean absolute error (MAE)', keras: 'mae', tasks: ['regression'], output: 'any' },
  mse: { label: 'Mean squared error (MSE)', keras: 'mse', tasks: ['regression'], output: 'any' },
  huber: { label: 'Huber', keras: 'huber', tasks: ['regression'], output: 'any' },
  binaryCrossentropy: {
    label: 'Binary cross-entropy',
    keras: 'binary_crossentropy',
    tasks: ['binary'],
    output: 'sigmoid',
  },
  categoricalCrossentropy: {
    label: 'Categorical cross-entropy',
    keras: 'categorical_crossentropy',
    tasks: ['multiclass'],
    output: 'softmax',
  },
} as const satisfies Record<string, LossInfo>;

export type LossName = keyof typeof losses;

export const lossNames = Object.keys(losses) as LossName[];

/** The loss a new experiment starts with for a task. */
export function defaultLossFor(task: TaskSpec): LossName {
  switch (task.kind) {
    case 'regression':
      return 'mae';
    case 'binary':
      return 'binaryCrossentropy';
    case 'multiclass':
      return 'categoricalCrossentropy';
  }
}
