import type { DatasetId } from '../data/datasets';
import type { SyntheticOptions } from '../data/synthetic';
import type { ActivationName } from '../model/activations';
import { defaultEarlyStopping } from '../model/earlyStopping';
import type { LayerDraft } from '../model/layers';
import type { TrainingConfig } from '../model/trainingConfig';

/** A one-click experiment for a lesson of the course, with what it shows and what to try next. */
export interface Lesson {
  title: string;
  dataset: DatasetId;
  /** Noise, points and seed for a 2-D set. */
  synthetic?: SyntheticOptions;
  layers: LayerDraft[];
  config: Partial<TrainingConfig>;
  /** What to watch for, in a few sentences. */
  explanation: string;
  tryNext: string;
}

const dense = (units: number, activation: ActivationName): LayerDraft => ({ kind: 'dense', units, activation });
/** Half of it for validation: 60 noisy training points, far fewer than the big network can memorize. */
const noisyMoons: SyntheticOptions = { numPoints: 120, noise: 0.9, seed: 7 };
/** The over-sized network of the overfitting, early-stopping and dropout lessons, and its training. */
const bigNet: LayerDraft[] = [dense(128, 'relu'), dense(128, 'relu'), dense(128, 'relu'), dense(1, 'sigmoid')];
const bigNetTraining = { optimizer: 'adam', learningRate: 0.01, loss: 'binaryCrossentropy', batchSize: 8, epochs: 150, validationSplit: 0.5 } as const;
const dropoutLayer: LayerDraft = { kind: 'dropout', rate: 0.5 };

export const lessons = {
  singleNeuron: {
    title: '1. A single neuron',
    dataset: 'plane',
    synthetic: { numPoints: 200, noise: 0.1, seed: 1 },
    layers: [dense(1, 'linear')],
    config: { optimizer: 'sgd', learningRate: 0.05, loss: 'mse', batchSize: 16, epochs: 40 },
    explanation:
      'One linear unit computes y = w₁·x₁ + w₂·x₂ + b. Open Weights and watch w and b move while the loss falls: training is nothing but nudging these numbers downhill on the loss.',
    tryNext: 'Lower the learning rate to 0.005 and see the same line found more slowly.',
  },
  deepNetwork: {
    title: '2. A deep network on concrete',
    dataset: 'concrete',
    layers: [dense(128, 'relu'), dense(128, 'relu'), dense(64, 'relu'), dense(1, 'linear')],
    config: { optimizer: 'adam', learningRate: 0.01, loss: 'mae', batchSize: 32, epochs: 60 },
    explanation:
      'Stacked Dense layers with ReLU between them can bend the prediction to fit how strength depends on the mix. The loss is the mean absolute error in MPa.',
    tryNext: 'Remove the hidden layers one by one and compare the final val_loss in the runs list.',
  },
  learningRateBatch: {
    title: '3. Learning rate and batch size',
    dataset: 'moons',
    synthetic: { numPoints: 500, noise: 0.2, seed: 3 },
    layers: [dense(16, 'relu'), dense(16, 'relu'), dense(1, 'sigmoid')],
    config: { optimizer: 'sgd', learningRate: 0.0005, loss: 'binaryCrossentropy', batchSize: 2, epochs: 30, validationSplit: 0.3 },
    explanation:
      'Tiny batches make each step noisy, so the curves jitter; a tiny learning rate makes the steps short, so the loss falls slowly.',
    tryNext: 'Raise the learning rate to 0.05 mid-run (it applies at once), then try batch size 64.',
  },
  underfitting: {
    title: '4. Underfitting',
    dataset: 'circle',
    synthetic: { numPoints: 500, noise: 0.2, seed: 1 },
    layers: [dense(1, 'sigmoid')],
    config: { optimizer: 'adam', learningRate: 0.03, loss: 'binaryCrossentropy', batchSize: 16, epochs: 40, validationSplit: 0.3 },
    explanation:
      'A single neuron draws one straight line, and no line separates a disk from a ring: both losses stop high. The model lacks capacity, not training time.',
    tryNext: 'Add a hidden Dense layer of 8 tanh units and train again.',
  },
  overfitting: {
    title: '5. Overfitting',
    dataset: 'moons',
    synthetic: noisyMoons,
    layers: bigNet,
    config: bigNetTraining,
    explanation:
      'Far more capacity than 60 noisy points need, and no regularization: training loss keeps falling as the network memorizes the noise, while validation loss turns up. The shaded stretch is where it overfits.',
    tryNext: 'Turn on Early stopping, or Dropout, and compare the runs.',
  },
  earlyStopping: {
    title: '6. Early stopping',
    dataset: 'moons',
    synthetic: noisyMoons,
    layers: bigNet,
    config: { ...bigNetTraining, earlyStopping: { enabled: true, patience: 10, minDelta: 0.001, restoreBestWeights: true } },
    explanation:
      'The same over-sized model, now with EarlyStopping(patience=10, restore_best_weights=True): it stops ten epochs after val_loss last improved and puts back the weights of that best epoch.',
    tryNext: 'Set Patience to 30 and see how much longer it waits.',
  },
  dropout: {
    title: '7. Dropout',
    dataset: 'moons',
    synthetic: noisyMoons,
    layers: bigNet.flatMap((layer, i) => (i < bigNet.length - 1 ? [layer, dropoutLayer] : [layer])),
    config: bigNetTraining,
    explanation:
      'Dropout zeroes half of each layer’s inputs at random while training, so no unit can rely on memorized details: the gap between training and validation loss narrows.',
    tryNext: 'Compare with the overfitting lesson’s run in the runs list.',
  },
  batchNormalization: {
    title: '8. Batch normalization',
    dataset: 'concrete',
    layers: [dense(64, 'relu'), { kind: 'batchNormalization' }, dense(64, 'relu'), { kind: 'batchNormalization' }, dense(1, 'linear')],
    config: { optimizer: 'sgd', learningRate: 0.01, loss: 'mae', batchSize: 32, epochs: 40, scaling: 'none' },
    explanation:
      'Here the inputs are left unscaled (kilograms next to days), which makes plain SGD crawl. Batch normalization rescales each layer’s outputs as it trains, and the loss falls in far fewer epochs.',
    tryNext: 'Switch Batch normalization off and train again: compare the two runs.',
  },
  binaryClassification: {
    title: '9. Binary classification',
    dataset: 'ionosphere',
    layers: [dense(4, 'relu'), dense(4, 'relu'), dense(1, 'sigmoid')],
    config: { optimizer: 'adam', learningRate: 0.01, loss: 'binaryCrossentropy', batchSize: 32, epochs: 60, validationSplit: 0.3 },
    explanation:
      'A sigmoid output is a probability; binary cross-entropy scores it, and a return counts as good when it is above 0.5. Accuracy, in the second chart, is the share classified right.',
    tryNext: 'Look at the confusion matrix under Predictions.',
  },
  cnn: {
    title: '10. A CNN on digits',
    dataset: 'digits',
    layers: [
      { kind: 'conv2d', filters: 16, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
      { kind: 'maxPooling2d', poolSize: 2 },
      { kind: 'conv2d', filters: 32, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
      { kind: 'maxPooling2d', poolSize: 2 },
      { kind: 'flatten' },
      dense(64, 'relu'),
      dense(10, 'softmax'),
    ],
    config: { optimizer: 'adam', learningRate: 0.003, loss: 'categoricalCrossentropy', batchSize: 32, epochs: 10, scaling: 'none' },
    explanation:
      'Convolutions slide small learned filters over the image; pooling keeps the strongest responses. A few thousand weights read handwriting well.',
    tryNext: 'See which digits it confuses under Predictions.',
  },
  tooHighLearningRate: {
    title: '11. A learning rate too high',
    dataset: 'concrete',
    layers: [dense(64, 'relu'), dense(64, 'relu'), dense(1, 'linear')],
    config: { optimizer: 'sgd', learningRate: 1, loss: 'mse', batchSize: 32, epochs: 30, scaling: 'none' },
    explanation:
      'With steps this large and unscaled inputs, each update overshoots further than the last until the numbers overflow: the run diverges and stops, and the status says why.',
    tryNext: 'Set Scaling to Standardize and the learning rate to 0.001.',
  },
} as const satisfies Record<string, Lesson>;

export type LessonId = keyof typeof lessons;

export const lessonIds = Object.keys(lessons) as LessonId[];

/** The experiment a lesson sets up (full config, from the defaults where the lesson is silent). */
export function lessonConfig(lesson: Lesson, base: TrainingConfig): TrainingConfig {
  return {
    ...base,
    validationSplit: 0.2,
    scaling: 'standard',
    seed: 42,
    ...lesson.config,
    earlyStopping: { ...defaultEarlyStopping, ...(lesson.config.earlyStopping ?? {}) },
  };
}
