import { z } from '../zodSetup';
import { monitorKinds, monitorModes } from '../earlyStopping';
import { limits } from '../limits';
import { lossNames, type LossName } from '../losses';
import { optimizerNames, type OptimizerName } from '../optimizers';
import { scalingKinds, type ScalingKind } from '../preprocessing';
import { seriesSplitModes } from '../trainingConfig';

/** Bounds an imported file must respect before anything is built from it. */
export const fileLimits = {
  maxBytes: 100 * 1024 * 1024,
  maxWeights: 200,
} as const;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const count = z.number().int().nonnegative();

export const weightSpecSchema = z.object({
  name: z.string().max(200),
  shape: z.array(count).max(8),
  dtype: z.literal('float32', { error: 'only float32 weights are supported' }),
});

export const taskSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('regression') }),
  z.object({ kind: z.literal('binary') }),
  z.object({ kind: z.literal('multiclass'), numClasses: z.number().int().min(2).max(1000) }),
]);

/**
 * A training config from outside (a link, storage, a model file), held to the
 * bounds `checkTrainingConfig` puts on the controls: a learning rate of 1e308
 * or a billion epochs is refused where it is read, not carried into the page.
 */
export const trainingConfigSchema = z.object({
  optimizer: z.enum(optimizerNames as [OptimizerName, ...OptimizerName[]]),
  learningRate: z.number().gt(0).max(limits.maxLearningRate),
  batchSize: z.number().int().min(1).max(limits.maxBatchSize),
  epochs: z.number().int().min(1).max(limits.maxEpochs),
  loss: z.enum(lossNames as [LossName, ...LossName[]]),
  validationSplit: z.number().gt(0).lt(1),
  // Absent before a test set could be held out: none.
  testSplit: z.number().min(0).lt(1).optional(),
  scaling: z.enum(scalingKinds as [ScalingKind, ...ScalingKind[]]),
  seed: z.number().int(),
  earlyStopping: z.object({
    enabled: z.boolean(),
    patience: count,
    minDelta: finite,
    restoreBestWeights: z.boolean(),
    // Absent in what was stored before early stopping could monitor anything
    // but val_loss; absent means Keras's defaults (val_loss, auto, no baseline).
    monitor: z.enum(monitorKinds).optional(),
    mode: z.enum(monitorModes).optional(),
    baseline: finite.nullable().optional(),
  }),
  // Absent before a series could be split at random: chronological.
  seriesSplit: z.enum(seriesSplitModes).optional(),
});

export const historyEntrySchema = z.object({
  epoch: z.number().int().positive(),
  loss: z.number(),
  valLoss: z.number(),
  metric: z.number(),
  valMetric: z.number(),
  ms: z.number(),
  learningRate: z.number(),
});

/** What a user of the model needs besides the network: the data it expects and how it was trained. */
export const playgroundBlockSchema = z.object({
  version: z.literal(1),
  dataset: z.object({ id: z.string().max(100), label: z.string().max(200) }),
  task: taskSchema,
  /** The target column. */
  target: z.string().max(200),
  /** Input features in the order the model takes them (one-hot columns as `column=value`). */
  features: z.array(z.string().max(200)).max(100_000),
  /**
   * For a 2-D set whose inputs are computed from each point (engineered
   * features): every input of `features`, in order, with its formula in the
   * point's coordinates x1 and x2 ("x1 * x1", "x1 * x2", "sin(x2)", sin in
   * radians), computed before `scaler` applies. Absent when the inputs are
   * the coordinates themselves, and for other data.
   */
  engineered: z.array(z.object({ name: z.string().max(20), formula: z.string().max(100) })).max(100).optional(),
  inputShape: z.array(z.number().int().positive()).min(1).max(3),
  /** Categorical columns and the categories their one-hot features stand for, in order. */
  encodings: z.array(z.object({ column: z.string(), categories: z.array(z.string()) })),
  /** Class names by output index, for classification. */
  classNames: z.array(z.string()).nullable(),
  /** x' = (x − offset) / scale per feature; missing values are replaced by `fill` first. */
  scaler: z.object({
    kind: z.enum(scalingKinds as [ScalingKind, ...ScalingKind[]]),
    offset: z.array(finite),
    scale: z.array(finite),
    fill: z.array(finite),
  }),
  config: trainingConfigSchema,
  history: z.array(historyEntrySchema).max(100_000),
  /** The one evaluation on the held-out test rows when the run ended (config.testSplit > 0); absent without one. */
  test: z.object({ loss: z.number(), metric: z.number(), rows: z.number().int().positive() }).optional(),
  /**
   * For the person's own images: how to turn a new image into the model's
   * input (see data/imagePixels.ts imagePreprocessing). Absent for other data.
   */
  image: z
    .object({
      height: z.number().int().positive(),
      width: z.number().int().positive(),
      channels: z.union([z.literal(1), z.literal(3)]),
      colour: z.enum(['grayscale', 'rgb']),
      grayscaleWeights: z.array(finite).length(3).nullable(),
      divideBy: finite,
      steps: z.string().max(1000),
    })
    .optional(),
  /**
   * For a time series: an example is `window` consecutive rows (the model's
   * inputShape[0]) of the features, scaled by `scaler`; it predicts the
   * target `horizon` rows after the window's last row, scaled as
   * y' = (y − targetScaling.offset) / targetScaling.scale, so a prediction
   * in the series' units is y' · scale + offset. Absent for other data.
   */
  series: z
    .object({
      window: z.number().int().positive(),
      horizon: z.number().int().positive(),
      timeName: z.string().max(200).nullable(),
      targetScaling: z.object({ offset: finite, scale: finite }),
    })
    .optional(),
});

export type PlaygroundBlock = z.infer<typeof playgroundBlockSchema>;

/** The one-file model: tfjs's ModelArtifacts with base64 weights, plus the playground block. */
export const modelFileSchema = z.object({
  format: z.literal('layers-model', { error: 'this is not a tfjs layers model (its "format" is not "layers-model")' }),
  generatedBy: z.string().optional(),
  convertedBy: z.string().nullable().optional(),
  modelTopology: z.record(z.string(), z.unknown()),
  weightSpecs: z.array(weightSpecSchema).max(fileLimits.maxWeights),
  weightData: z.string(),
  playground: playgroundBlockSchema.optional(),
});

/** The standard tfjs `model.json` of the model.json + weights.bin pair. */
export const tfjsModelJsonSchema = z.object({
  format: z.literal('layers-model', { error: 'this is not a tfjs layers model (its "format" is not "layers-model")' }),
  generatedBy: z.string().optional(),
  convertedBy: z.string().nullable().optional(),
  modelTopology: z.record(z.string(), z.unknown()),
  weightsManifest: z
    .array(z.object({ paths: z.array(z.string()), weights: z.array(weightSpecSchema).max(fileLimits.maxWeights) }))
    .min(1),
  playground: playgroundBlockSchema.optional(),
});
