import type { DatasetId } from '../../src/data/datasets';
import type { SyntheticOptions } from '../../src/data/synthetic';
import type { ActivationName } from '../../src/model/activations';
import type { LayerDraft } from '../../src/model/layers';
import type { TrainingConfig } from '../../src/model/trainingConfig';
import { lessons, type LessonId } from '../../src/state/lessons';

/**
 * How each curve of the badge's corpus is made: a dataset, a layer stack and
 * a training config on top of the dataset's defaults, trained in Node with
 * the project's trainer. What a teacher calls each curve is not here but in
 * src/model/fixtures/curveLabels.ts, written after looking at the curves.
 */
export interface CurveCase {
  /** Unique, kebab-case; the key of the curve in the corpus and in the labels. */
  id: string;
  dataset: DatasetId;
  synthetic?: SyntheticOptions;
  layers: readonly LayerDraft[];
  /** Goes on top of the dataset's default config (of the lesson's, for lesson cases). */
  config: Partial<TrainingConfig>;
  engine: 'fused' | 'tfjs';
  /** The lesson this case runs, when it is one; `config` then goes on top of the lesson's. */
  lesson?: LessonId;
}

const dense = (units: number, activation: ActivationName): LayerDraft => ({ kind: 'dense', units, activation });
const bn: LayerDraft = { kind: 'batchNormalization' };
const drop = (rate: number): LayerDraft => ({ kind: 'dropout', rate });
const binary = { loss: 'binaryCrossentropy', validationSplit: 0.3 } as const;
const stop = (patience: number, restoreBestWeights = true) => ({ earlyStopping: { enabled: true, patience, minDelta: 0.001, restoreBestWeights } });
const bigNet = [dense(128, 'relu'), dense(128, 'relu'), dense(128, 'relu'), dense(1, 'sigmoid')];
const noisyMoons = (seed: number): SyntheticOptions => ({ numPoints: 120, noise: 0.9, seed });
const spiralNet = [dense(16, 'relu'), dense(16, 'relu'), dense(16, 'relu'), dense(1, 'sigmoid')];
const tanh88 = [dense(8, 'tanh'), dense(8, 'tanh'), dense(1, 'sigmoid')];
const reg64 = [dense(64, 'relu'), dense(64, 'relu'), dense(1, 'linear')];

/** The dense lessons, trained on the fused engine Auto picks for them. */
const lessonCases: CurveCase[] = (
  ['deepNetwork', 'learningRateBatch', 'underfitting', 'overfitting', 'earlyStopping', 'dropout', 'batchNormalization', 'binaryClassification', 'tooHighLearningRate'] as const
).map((lesson) => ({ id: `lesson-${lesson}`, dataset: lessons[lesson].dataset, layers: lessons[lesson].layers, config: {}, engine: 'fused', lesson }));

/** What the lessons' "Try next" asks for, on top of the lesson's own settings. */
const tryNextCases: CurveCase[] = [
  { id: 'lesson-batchNormalization-off', dataset: 'concrete', layers: lessons.batchNormalization.layers.filter((l) => l.kind !== 'batchNormalization'), config: {}, engine: 'fused', lesson: 'batchNormalization' },
  { id: 'lesson-tooHighLearningRate-0.03', dataset: 'concrete', layers: lessons.tooHighLearningRate.layers, config: { learningRate: 0.03 }, engine: 'fused', lesson: 'tooHighLearningRate' },
  { id: 'lesson-tooHighLearningRate-0.01', dataset: 'concrete', layers: lessons.tooHighLearningRate.layers, config: { learningRate: 0.01 }, engine: 'fused', lesson: 'tooHighLearningRate' },
  { id: 'lesson-learningRateBatch-64', dataset: 'moons', layers: lessons.learningRateBatch.layers, config: { batchSize: 64 }, engine: 'fused', lesson: 'learningRateBatch' },
];

export const curveCases: CurveCase[] = [
  ...lessonCases,
  ...tryNextCases,
  // Converged to ~0.
  { id: 'spiral-default-s42', dataset: 'spiral', layers: spiralNet, config: { ...binary, learningRate: 0.01, batchSize: 16, epochs: 300, seed: 42 }, engine: 'fused' },
  { id: 'spiral-default-s1', dataset: 'spiral', layers: spiralNet, config: { ...binary, learningRate: 0.01, batchSize: 16, epochs: 200, seed: 1 }, engine: 'fused' },
  { id: 'circle-tanh-s42', dataset: 'circle', layers: tanh88, config: { ...binary, learningRate: 0.03, batchSize: 16, epochs: 100, seed: 42 }, engine: 'fused' },
  { id: 'circle-tanh-s7', dataset: 'circle', layers: tanh88, config: { ...binary, learningRate: 0.03, batchSize: 16, epochs: 60, seed: 7 }, engine: 'fused' },
  { id: 'circle-tanh-tfjs', dataset: 'circle', layers: tanh88, config: { ...binary, learningRate: 0.03, batchSize: 16, epochs: 60, seed: 3 }, engine: 'tfjs' },
  { id: 'xor-tanh-s42', dataset: 'xor', layers: [dense(8, 'tanh'), dense(1, 'sigmoid')], config: { ...binary, learningRate: 0.03, batchSize: 16, epochs: 80, seed: 42 }, engine: 'fused' },
  { id: 'gauss-neuron-s42', dataset: 'gauss', layers: [dense(1, 'sigmoid')], config: { ...binary, learningRate: 0.03, batchSize: 16, epochs: 60, seed: 42 }, engine: 'fused' },
  { id: 'plane-linear-s42', dataset: 'plane', layers: [dense(1, 'linear')], config: { loss: 'mse', learningRate: 0.03, batchSize: 32, epochs: 60, validationSplit: 0.3, seed: 42 }, engine: 'fused' },
  { id: 'multigauss-tanh-s42', dataset: 'multiGauss', layers: [dense(16, 'tanh'), dense(16, 'tanh'), dense(1, 'linear')], config: { loss: 'mse', learningRate: 0.01, batchSize: 16, epochs: 150, validationSplit: 0.3, seed: 42 }, engine: 'fused' },
  // Stuck at a constant output: plain SGD on unscaled concrete.
  { id: 'concrete-sgd-unscaled-mae-b8', dataset: 'concrete', layers: reg64, config: { optimizer: 'sgd', learningRate: 0.001, loss: 'mae', batchSize: 8, epochs: 40, scaling: 'none', seed: 42 }, engine: 'fused' },
  { id: 'concrete-sgd-unscaled-mae-s5', dataset: 'concrete', layers: reg64, config: { optimizer: 'sgd', learningRate: 0.01, loss: 'mae', epochs: 60, scaling: 'none', seed: 5 }, engine: 'fused' },
  { id: 'automgp-sgd-unscaled-mae', dataset: 'autoMpg', layers: reg64, config: { optimizer: 'sgd', learningRate: 0.01, loss: 'mae', epochs: 50, scaling: 'none', seed: 42 }, engine: 'fused' },
  { id: 'concrete-nobn-lesson8', dataset: 'concrete', layers: [dense(64, 'relu'), dense(64, 'relu'), dense(1, 'linear')], config: { optimizer: 'sgd', learningRate: 0.01, loss: 'mae', batchSize: 32, epochs: 40, scaling: 'none', seed: 42 }, engine: 'fused' },
  // Noisy small batches.
  { id: 'moons-sgd-batch1', dataset: 'moons', layers: [dense(8, 'relu'), dense(8, 'relu'), dense(1, 'sigmoid')], config: { ...binary, optimizer: 'sgd', learningRate: 0.05, batchSize: 1, epochs: 40, seed: 42 }, engine: 'fused' },
  { id: 'circle-adam-batch2', dataset: 'circle', layers: tanh88, config: { ...binary, learningRate: 0.03, batchSize: 2, epochs: 40, seed: 42 }, engine: 'fused' },
  { id: 'concrete-adam-batch2', dataset: 'concrete', layers: reg64, config: { loss: 'mae', learningRate: 0.01, batchSize: 2, epochs: 40, seed: 42 }, engine: 'fused' },
  { id: 'moons-lesson3-batch2', dataset: 'moons', synthetic: { numPoints: 500, noise: 0.2, seed: 3 }, layers: [dense(16, 'relu'), dense(16, 'relu'), dense(1, 'sigmoid')], config: { ...binary, optimizer: 'sgd', learningRate: 0.05, batchSize: 2, epochs: 30, seed: 42 }, engine: 'fused' },
  // Early-stopped and restored.
  { id: 'moons-bignet-stop-s1', dataset: 'moons', synthetic: noisyMoons(1), layers: bigNet, config: { ...binary, learningRate: 0.01, batchSize: 8, epochs: 150, validationSplit: 0.5, seed: 1, ...stop(10) }, engine: 'fused' },
  { id: 'moons-bignet-stop-s3', dataset: 'moons', synthetic: noisyMoons(3), layers: bigNet, config: { ...binary, learningRate: 0.01, batchSize: 8, epochs: 150, validationSplit: 0.5, seed: 3, ...stop(20) }, engine: 'fused' },
  { id: 'concrete-stop-s42', dataset: 'concrete', layers: reg64, config: { loss: 'mae', learningRate: 0.01, epochs: 200, seed: 42, ...stop(15) }, engine: 'fused' },
  { id: 'circle-stop-s42', dataset: 'circle', layers: tanh88, config: { ...binary, learningRate: 0.03, batchSize: 16, epochs: 200, seed: 42, ...stop(10) }, engine: 'fused' },
  { id: 'moons-bignet-stop-norestore', dataset: 'moons', synthetic: noisyMoons(7), layers: bigNet, config: { ...binary, learningRate: 0.01, batchSize: 8, epochs: 150, validationSplit: 0.5, seed: 42, ...stop(25, false) }, engine: 'fused' },
  // Overfitting, training loss falling.
  { id: 'moons-bignet-s2', dataset: 'moons', synthetic: noisyMoons(2), layers: bigNet, config: { ...binary, learningRate: 0.01, batchSize: 8, epochs: 100, validationSplit: 0.5, seed: 2 }, engine: 'fused' },
  { id: 'diabetes-wide', dataset: 'diabetes', layers: [dense(128, 'relu'), dense(128, 'relu'), dense(1, 'linear')], config: { loss: 'mse', learningRate: 0.01, batchSize: 16, epochs: 100, seed: 42 }, engine: 'fused' },
  { id: 'ionosphere-wide', dataset: 'ionosphere', layers: [dense(64, 'relu'), dense(64, 'relu'), dense(1, 'sigmoid')], config: { loss: 'binaryCrossentropy', learningRate: 0.01, batchSize: 16, epochs: 80, seed: 42 }, engine: 'fused' },
  { id: 'automgp-wide', dataset: 'autoMpg', layers: [dense(128, 'relu'), dense(128, 'relu'), dense(1, 'linear')], config: { loss: 'mse', learningRate: 0.01, batchSize: 8, epochs: 150, seed: 42 }, engine: 'fused' },
  { id: 'breastcancer-wide', dataset: 'breastCancer', layers: [dense(64, 'relu'), dense(64, 'relu'), dense(1, 'sigmoid')], config: { loss: 'binaryCrossentropy', learningRate: 0.01, batchSize: 16, epochs: 100, seed: 42 }, engine: 'fused' },
  { id: 'wine-wide', dataset: 'wine', layers: [dense(64, 'relu'), dense(64, 'relu'), dense(3, 'softmax')], config: { loss: 'categoricalCrossentropy', learningRate: 0.01, batchSize: 8, epochs: 100, seed: 42 }, engine: 'fused' },
  // Batch normalization (dropout: lesson 7).
  { id: 'concrete-bn-adam', dataset: 'concrete', layers: [dense(64, 'relu'), bn, dense(64, 'relu'), bn, dense(1, 'linear')], config: { loss: 'mae', learningRate: 0.01, epochs: 80, seed: 42 }, engine: 'fused' },
  // Slow but steady improvement: a tiny learning rate.
  { id: 'circle-tiny-lr', dataset: 'circle', layers: tanh88, config: { ...binary, learningRate: 0.001, batchSize: 16, epochs: 60, seed: 42 }, engine: 'fused' },
  { id: 'concrete-tiny-lr', dataset: 'concrete', layers: reg64, config: { loss: 'mae', optimizer: 'sgd', learningRate: 0.0005, epochs: 60, seed: 42 }, engine: 'fused' },
  { id: 'moons-tiny-lr', dataset: 'moons', layers: [dense(8, 'relu'), dense(8, 'relu'), dense(1, 'sigmoid')], config: { ...binary, learningRate: 0.0005, batchSize: 16, epochs: 60, seed: 42 }, engine: 'fused' },
  { id: 'wine-tiny-lr', dataset: 'wine', layers: [dense(16, 'relu'), dense(16, 'relu'), dense(3, 'softmax')], config: { loss: 'categoricalCrossentropy', learningRate: 0.0003, batchSize: 16, epochs: 80, seed: 42 }, engine: 'fused' },
  // Underfitting: too little capacity.
  { id: 'circle-neuron-s7', dataset: 'circle', layers: [dense(1, 'sigmoid')], config: { ...binary, learningRate: 0.03, batchSize: 16, epochs: 60, seed: 7 }, engine: 'fused' },
  { id: 'xor-neuron', dataset: 'xor', layers: [dense(1, 'sigmoid')], config: { ...binary, learningRate: 0.03, batchSize: 16, epochs: 60, seed: 42 }, engine: 'fused' },
  { id: 'spiral-neuron', dataset: 'spiral', layers: [dense(1, 'sigmoid')], config: { ...binary, learningRate: 0.03, batchSize: 16, epochs: 60, seed: 42 }, engine: 'fused' },
  { id: 'multigauss-linear', dataset: 'multiGauss', layers: [dense(1, 'linear')], config: { loss: 'mse', learningRate: 0.01, batchSize: 16, epochs: 60, validationSplit: 0.3, seed: 42 }, engine: 'fused' },
  { id: 'concrete-linear', dataset: 'concrete', layers: [dense(1, 'linear')], config: { loss: 'mae', learningRate: 0.05, epochs: 100, seed: 42 }, engine: 'fused' },
  // Oscillating: a learning rate too high that does not blow up.
  { id: 'circle-adam-lr0.3', dataset: 'circle', layers: tanh88, config: { ...binary, learningRate: 0.3, batchSize: 16, epochs: 60, seed: 42 }, engine: 'fused' },
  { id: 'moons-sgd-lr2', dataset: 'moons', layers: [dense(8, 'relu'), dense(8, 'relu'), dense(1, 'sigmoid')], config: { ...binary, optimizer: 'sgd', learningRate: 2, batchSize: 16, epochs: 60, seed: 42 }, engine: 'fused' },
  { id: 'concrete-adam-lr0.3', dataset: 'concrete', layers: reg64, config: { loss: 'mae', learningRate: 0.3, epochs: 60, seed: 42 }, engine: 'fused' },
  // Diverged after some finite epochs.
  { id: 'concrete-sgd-mse-lr0.003', dataset: 'concrete', layers: reg64, config: { loss: 'mse', optimizer: 'sgd', learningRate: 0.003, epochs: 30, seed: 42 }, engine: 'fused' },
  { id: 'concrete-sgd-mse-lr0.001', dataset: 'concrete', layers: reg64, config: { loss: 'mse', optimizer: 'sgd', learningRate: 0.001, epochs: 30, seed: 42 }, engine: 'fused' },
  { id: 'plane-sgd-lr1.9', dataset: 'plane', layers: [dense(1, 'linear')], config: { loss: 'mse', optimizer: 'sgd', learningRate: 1.9, batchSize: 32, epochs: 40, validationSplit: 0.3, seed: 42 }, engine: 'fused' },
  { id: 'multigauss-sgd-lr1', dataset: 'multiGauss', layers: [dense(16, 'tanh'), dense(16, 'tanh'), dense(1, 'linear')], config: { loss: 'mse', optimizer: 'sgd', learningRate: 1, batchSize: 16, epochs: 40, validationSplit: 0.3, seed: 42 }, engine: 'fused' },
  { id: 'automgp-adam-mse-lr1', dataset: 'autoMpg', layers: reg64, config: { loss: 'mse', learningRate: 1, epochs: 40, seed: 42 }, engine: 'fused' },
  { id: 'plane-sgd-lr1.3', dataset: 'plane', layers: [dense(1, 'linear')], config: { loss: 'mse', optimizer: 'sgd', learningRate: 1.3, batchSize: 32, epochs: 60, validationSplit: 0.3, seed: 42 }, engine: 'fused' },
  { id: 'moons-sgd-lr8', dataset: 'moons', layers: [dense(8, 'relu'), dense(8, 'relu'), dense(1, 'sigmoid')], config: { ...binary, optimizer: 'sgd', learningRate: 8, batchSize: 16, epochs: 60, seed: 42 }, engine: 'fused' },
  { id: 'circle-adam-lr1', dataset: 'circle', layers: tanh88, config: { ...binary, learningRate: 1, batchSize: 16, epochs: 60, seed: 42 }, engine: 'fused' },
  { id: 'automgp-sgd-mse-unscaled', dataset: 'autoMpg', layers: reg64, config: { loss: 'mse', optimizer: 'sgd', learningRate: 0.000001, epochs: 30, scaling: 'none', seed: 42 }, engine: 'fused' },
  { id: 'plane-sgd-lr1', dataset: 'plane', layers: [dense(1, 'linear')], config: { loss: 'mse', optimizer: 'sgd', learningRate: 1, batchSize: 32, epochs: 40, validationSplit: 0.3, seed: 42 }, engine: 'fused' },
  // Plain runs of the dataset defaults, for the common case.
  { id: 'concrete-default', dataset: 'concrete', layers: reg64, config: { epochs: 100, seed: 42 }, engine: 'fused' },
  { id: 'concrete-default-s9', dataset: 'concrete', layers: reg64, config: { epochs: 100, seed: 9 }, engine: 'fused' },
  { id: 'moons-default', dataset: 'moons', layers: [dense(8, 'relu'), dense(8, 'relu'), dense(1, 'sigmoid')], config: { ...binary, learningRate: 0.03, batchSize: 16, epochs: 100, seed: 42 }, engine: 'fused' },
  { id: 'ionosphere-default', dataset: 'ionosphere', layers: [dense(16, 'relu'), dense(16, 'relu'), dense(1, 'sigmoid')], config: { loss: 'binaryCrossentropy', learningRate: 0.003, epochs: 100, seed: 42 }, engine: 'fused' },
  // Held out: added after the rules were written, labelled from the printed curves before running the badge on them.
  { id: 'spiral-default-s7', dataset: 'spiral', layers: spiralNet, config: { ...binary, learningRate: 0.01, batchSize: 16, epochs: 200, seed: 7 }, engine: 'fused' },
  { id: 'circle-tanh-s11', dataset: 'circle', layers: tanh88, config: { ...binary, learningRate: 0.03, batchSize: 16, epochs: 80, seed: 11 }, engine: 'fused' },
  { id: 'xor-tanh-s5', dataset: 'xor', layers: [dense(8, 'tanh'), dense(1, 'sigmoid')], config: { ...binary, learningRate: 0.03, batchSize: 16, epochs: 80, seed: 5 }, engine: 'fused' },
  { id: 'moons-bignet-s5', dataset: 'moons', synthetic: noisyMoons(5), layers: bigNet, config: { ...binary, learningRate: 0.01, batchSize: 8, epochs: 100, validationSplit: 0.5, seed: 5 }, engine: 'fused' },
  { id: 'moons-bignet-stop-s9', dataset: 'moons', synthetic: noisyMoons(9), layers: bigNet, config: { ...binary, learningRate: 0.01, batchSize: 8, epochs: 150, validationSplit: 0.5, seed: 9, ...stop(10) }, engine: 'fused' },
  { id: 'concrete-default-s3', dataset: 'concrete', layers: reg64, config: { epochs: 60, seed: 3 }, engine: 'fused' },
  { id: 'concrete-sgd-unscaled-mae-s11', dataset: 'concrete', layers: reg64, config: { optimizer: 'sgd', learningRate: 0.01, loss: 'mae', epochs: 40, scaling: 'none', seed: 11 }, engine: 'fused' },
  { id: 'ionosphere-wide-s5', dataset: 'ionosphere', layers: [dense(64, 'relu'), dense(64, 'relu'), dense(1, 'sigmoid')], config: { loss: 'binaryCrossentropy', learningRate: 0.01, batchSize: 16, epochs: 60, seed: 5 }, engine: 'fused' },
  { id: 'circle-neuron-s11', dataset: 'circle', layers: [dense(1, 'sigmoid')], config: { ...binary, learningRate: 0.03, batchSize: 16, epochs: 40, seed: 11 }, engine: 'fused' },
  { id: 'moons-tiny-lr-s5', dataset: 'moons', layers: [dense(8, 'relu'), dense(8, 'relu'), dense(1, 'sigmoid')], config: { ...binary, learningRate: 0.001, batchSize: 16, epochs: 40, seed: 5 }, engine: 'fused' },
  { id: 'circle-adam-lr0.5', dataset: 'circle', layers: tanh88, config: { ...binary, learningRate: 0.5, batchSize: 16, epochs: 60, seed: 5 }, engine: 'fused' },
  { id: 'automgp-64-b8-s7', dataset: 'autoMpg', layers: reg64, config: { loss: 'mse', learningRate: 0.01, batchSize: 8, epochs: 120, seed: 7 }, engine: 'fused' },
  { id: 'diabetes-16', dataset: 'diabetes', layers: [dense(16, 'relu'), dense(16, 'relu'), dense(1, 'linear')], config: { loss: 'mae', learningRate: 0.01, batchSize: 16, epochs: 100, seed: 42 }, engine: 'fused' },
  { id: 'breastcancer-default', dataset: 'breastCancer', layers: [dense(16, 'relu'), dense(16, 'relu'), dense(1, 'sigmoid')], config: { loss: 'binaryCrossentropy', learningRate: 0.003, epochs: 100, seed: 42 }, engine: 'fused' },
  { id: 'moons-sgd-batch1-s3', dataset: 'moons', synthetic: { numPoints: 200, noise: 0.6, seed: 3 }, layers: [dense(8, 'relu'), dense(8, 'relu'), dense(1, 'sigmoid')], config: { ...binary, optimizer: 'sgd', learningRate: 0.1, batchSize: 1, epochs: 40, seed: 3 }, engine: 'fused' },
  { id: 'wine-default', dataset: 'wine', layers: [dense(16, 'relu'), dense(16, 'relu'), dense(3, 'softmax')], config: { loss: 'categoricalCrossentropy', learningRate: 0.003, batchSize: 16, epochs: 100, seed: 42 }, engine: 'fused' },
  // Held out, second round.
  { id: 'moons-bignet-s3', dataset: 'moons', synthetic: noisyMoons(3), layers: bigNet, config: { ...binary, learningRate: 0.01, batchSize: 8, epochs: 120, validationSplit: 0.5, seed: 3 }, engine: 'fused' },
  { id: 'ionosphere-4-4-s7', dataset: 'ionosphere', layers: [dense(4, 'relu'), dense(4, 'relu'), dense(1, 'sigmoid')], config: { loss: 'binaryCrossentropy', learningRate: 0.01, batchSize: 32, epochs: 60, validationSplit: 0.3, seed: 7 }, engine: 'fused' },
  { id: 'circle-neuron-s3', dataset: 'circle', synthetic: { numPoints: 500, noise: 0.2, seed: 3 }, layers: [dense(1, 'sigmoid')], config: { ...binary, learningRate: 0.03, batchSize: 16, epochs: 40, seed: 3 }, engine: 'fused' },
  { id: 'concrete-deep-s7', dataset: 'concrete', layers: [dense(128, 'relu'), dense(128, 'relu'), dense(64, 'relu'), dense(1, 'linear')], config: { loss: 'mae', learningRate: 0.01, batchSize: 32, epochs: 60, seed: 7 }, engine: 'fused' },
  { id: 'concrete-stuck-stop', dataset: 'concrete', layers: reg64, config: { optimizer: 'sgd', learningRate: 0.01, loss: 'mae', epochs: 60, scaling: 'none', seed: 8, ...stop(10) }, engine: 'fused' },
  { id: 'diabetes-wide-s3', dataset: 'diabetes', layers: [dense(128, 'relu'), dense(128, 'relu'), dense(1, 'linear')], config: { loss: 'mse', learningRate: 0.01, batchSize: 16, epochs: 80, seed: 3 }, engine: 'fused' },
  { id: 'multigauss-tanh-batch2', dataset: 'multiGauss', layers: [dense(16, 'tanh'), dense(16, 'tanh'), dense(1, 'linear')], config: { loss: 'mse', learningRate: 0.01, batchSize: 2, epochs: 40, validationSplit: 0.3, seed: 4 }, engine: 'fused' },
  { id: 'spiral-small-tiny-lr', dataset: 'spiral', layers: spiralNet, config: { ...binary, learningRate: 0.001, batchSize: 16, epochs: 80, seed: 2 }, engine: 'fused' },
  { id: 'breastcancer-stop-s4', dataset: 'breastCancer', layers: [dense(64, 'relu'), dense(64, 'relu'), dense(1, 'sigmoid')], config: { loss: 'binaryCrossentropy', learningRate: 0.01, batchSize: 16, epochs: 100, seed: 4, ...stop(10) }, engine: 'fused' },
  { id: 'moons-sgd-lr4', dataset: 'moons', layers: [dense(8, 'relu'), dense(8, 'relu'), dense(1, 'sigmoid')], config: { ...binary, optimizer: 'sgd', learningRate: 4, batchSize: 16, epochs: 60, seed: 6 }, engine: 'fused' },
  { id: 'automgp-default-s2', dataset: 'autoMpg', layers: reg64, config: { loss: 'mae', learningRate: 0.01, batchSize: 32, epochs: 100, seed: 2 }, engine: 'fused' },
];
