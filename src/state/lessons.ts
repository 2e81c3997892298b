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
/** The L2 lesson's penalty on each hidden layer's kernel. */
const l2Strength = { l1: 0, l2: 0.003 };
/** The course's forecaster: 20 steps of yearly sunspots → LSTM(32) → the next year's count, trained on MAE. */
const sunspotsForecaster: LayerDraft[] = [{ kind: 'lstm', units: 32, activation: 'tanh', returnSequences: false }, dense(1, 'linear')];
const sunspotsTraining = { optimizer: 'adam', learningRate: 0.01, loss: 'mae', batchSize: 32, epochs: 20 } as const;

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
    // Without hidden layers Adam at 0.01 needs about 300 epochs to bring the output from 0 to the mean strength
    // (about 35 MPa): at epoch 60 it is still far off, so comparing there would not be fair.
    tryNext:
      'Remove the hidden layers one by one and compare val_loss in the runs list. Without hidden layers the model is a linear fit that learns slowly here and is still improving at epoch 60: give that run 300 epochs and it levels off near 8 MPa, about twice the deep network’s.',
  },
  learningRateBatch: {
    title: '3. Learning rate and batch size',
    dataset: 'moons',
    // Overlapping moons, so the loss levels off above 0 where the noise of single steps shows in val_loss too
    // (on well-separated moons the loss falls to ~0 and no curve jitters).
    synthetic: { numPoints: 500, noise: 1, seed: 3 },
    layers: [dense(16, 'relu'), dense(16, 'relu'), dense(1, 'sigmoid')],
    config: { optimizer: 'sgd', learningRate: 0.05, loss: 'binaryCrossentropy', batchSize: 2, epochs: 30, validationSplit: 0.3 },
    explanation:
      'With batch size 2 each step follows the gradient of just two points: on the per-step chart the loss jumps from batch to batch, and once the loss nears its floor even the per-epoch val_loss jitters. The learning rate sets how long each of those steps is.',
    tryNext:
      'Set Batch size to 64: the curves turn smooth, but an epoch now takes 32 times fewer steps, so the loss falls more slowly. Then go back to batch size 2 and lower the learning rate to 0.001 (it applies at once, even mid-run): the steps are short, val_loss stops jittering, and the loss crawls.',
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
      'Dropout zeroes half of each layer’s inputs at random while training, so no unit can rely on memorized details: the gap between training and validation loss narrows. Dropout is active only while training: the training loss is measured on that handicapped network and val_loss on the whole one, so val_loss can even end up below the training loss.',
    tryNext: 'Compare with the overfitting lesson’s run in the runs list.',
  },
  batchNormalization: {
    title: '8. Batch normalization',
    dataset: 'concrete',
    // Standardized inputs, so that plain SGD without batch normalization learns too (on unscaled inputs it
    // blows up in the first epoch and sticks at a constant output): like is compared with like.
    layers: [dense(64, 'relu'), { kind: 'batchNormalization' }, dense(64, 'relu'), { kind: 'batchNormalization' }, dense(1, 'linear')],
    config: { optimizer: 'sgd', learningRate: 0.01, loss: 'mae', batchSize: 32, epochs: 50 },
    explanation:
      'Plain SGD at learning rate 0.01. Batch normalization re-centres and rescales each hidden layer’s outputs over every batch, so the next layer sees values of a steady size however the weights before it move: the loss gets below 6 MPa in half as many epochs as without it, or fewer.',
    tryNext:
      'Switch Batch normalization off and train again with the same optimizer and learning rate: that run learns too, only more slowly. Compare the two in the runs list.',
  },
  binaryClassification: {
    title: '9. Binary classification',
    dataset: 'ionosphere',
    layers: [dense(4, 'relu'), dense(4, 'relu'), dense(1, 'sigmoid')],
    config: { optimizer: 'adam', learningRate: 0.01, loss: 'binaryCrossentropy', batchSize: 32, epochs: 60, validationSplit: 0.3 },
    explanation:
      'A sigmoid output is a probability; binary cross-entropy scores it, and a return counts as good when it is above 0.5. Accuracy, in the second chart, is the share classified right. With only 246 training returns the network soon knows them by heart: val_loss bottoms out around epoch 10 to 20 and then climbs while the training loss keeps falling. It overfits.',
    tryNext: 'Turn on Early stopping with Restore best weights to keep the best epoch, then look at the confusion matrix under Predictions.',
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
    // One batch of all 824 training rows (concrete's 1,030 less the 20 % validation split): each epoch is
    // one gradient step, so the epoch chart shows every overshoot instead of hiding them inside epoch 1.
    layers: [dense(16, 'relu'), dense(1, 'linear')],
    config: { optimizer: 'sgd', learningRate: 0.05, loss: 'mse', batchSize: 824, epochs: 30 },
    explanation:
      'Plain gradient descent with the whole training set as one batch, so each epoch is one step. The steps are too long: after a first step down, each one jumps past the bottom of the loss valley to a higher point on the other side, further every time. The loss climbs by orders of magnitude per epoch (tick Log scale to see it) until the numbers overflow: the run diverges and stops, and the status says why.',
    tryNext: 'Lower the learning rate to 0.03: the loss no longer explodes, but it keeps bouncing up and down as each step overshoots the bottom. At 0.01 it settles.',
  },
  vanishingGradients: {
    title: '12. Vanishing gradients',
    dataset: 'circle',
    synthetic: { numPoints: 400, noise: 0.1, seed: 1 },
    layers: [...Array.from({ length: 6 }, () => dense(16, 'sigmoid')), dense(1, 'sigmoid')],
    config: { optimizer: 'sgd', learningRate: 0.1, loss: 'binaryCrossentropy', batchSize: 16, epochs: 40, validationSplit: 0.3 },
    explanation:
      'Six sigmoid layers deep. Backpropagation multiplies each layer’s gradient by the sigmoid’s slope, at most 0.25, once per layer on the way back, so by the first layer the gradient is about a thousand times smaller than at the output: open Gradients and weights and see the first layer’s curve far below the last’s, and its weights hardly move. The loss stays where it started.',
    tryNext: 'Set every hidden layer’s Activation to relu and train again: the gradients reach the first layer about as large as the last, and the circle is learned within a few epochs.',
  },
  recurrentSunspots: {
    title: '13. A recurrent network on sunspots',
    dataset: 'sunspots',
    layers: sunspotsForecaster,
    config: { ...sunspotsTraining, seriesSplit: 'chronological' },
    explanation:
      'Each example is a window of 20 years of sunspot counts; the LSTM reads it one year at a time, carrying a memory from step to step, and predicts the next year. The validation part is the last fifth of the series, the future the model never trained on. The bar to clear is the naive forecast, “next year equals this year”: the Forecast figure puts its error beside the model’s. Within a few epochs the LSTM’s validation error (val_loss is the mean absolute error, in standardized units) drops below the naive forecast’s and stays there.',
    tryNext:
      'Look at the red line in the Forecast figure: fed back on its own predictions, the model drifts away from the series within a cycle or two, because each error becomes part of the next input. Then set Window to 5 and train again: with less than half a sunspot cycle of history, see how much of the model’s edge over the naive forecast remains.',
  },
  shuffledTime: {
    title: '14. Why not shuffle time?',
    dataset: 'sunspots',
    layers: sunspotsForecaster,
    config: { ...sunspotsTraining, seriesSplit: 'shuffled' },
    explanation:
      'The same LSTM, but with Shuffle time on: the validation windows are drawn at random from the years before the last fifth, as one would split a table. Each of them overlaps the training windows beside it in 19 of its 20 years, and the year it predicts is an input of the next training window, so validation asks about years the model has as good as seen. val_loss comes out far lower than in lesson 13, yet the Forecast figure shows the same model forecasting the held-out last fifth, the real future, much worse than its val_loss promised.',
    tryNext:
      'Compare this run’s val_loss with lesson 13’s in the runs list: the shuffled run’s looks far better. Then compare the two runs’ error on the future in the Forecast figure: about the same. Untick Shuffle time to go back to the honest, chronological split.',
  },
  l2Penalty: {
    title: '15. L2 weight penalty',
    dataset: 'moons',
    synthetic: noisyMoons,
    layers: bigNet.map((layer, i) => (i < bigNet.length - 1 && layer.kind === 'dense' ? { ...layer, kernelRegularizer: l2Strength } : layer)),
    config: bigNetTraining,
    explanation:
      'The overfitting lesson’s network with Keras’s kernel_regularizer=l2(0.003) on every hidden layer: λ·Σw² over the weights is added to the loss, so every step also pulls each weight towards 0 in proportion to its size. Open Gradients and weights: in the Weight distribution the hidden layers’ weights stay small and their spread narrow; the boundary stays smooth, and the gap between training and validation loss narrows. The loss curves include the penalty, as Keras logs loss and val_loss.',
    tryNext:
      'Set Regularization to None and train again: compare the runs in the runs list and the Weight distribution in Gradients and weights. Then try the rate 0.03: too strong a penalty flattens the boundary and both losses rise (underfitting).',
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
    seriesSplit: 'chronological',
    ...lesson.config,
    earlyStopping: { ...defaultEarlyStopping, ...(lesson.config.earlyStopping ?? {}) },
  };
}
