import { z } from '../model/zodSetup';
import { datasetIds, type DatasetId } from '../data/datasets';
import { inputFeatures, type InputFeature } from '../data/engineeredFeatures';
import { DEFAULT_SERIES_WINDOW } from '../data/seriesSources';
import { DRAW_RANGE, MAX_DRAWN_POINTS, MAX_DRAWN_VALUE, type DrawnSet } from '../data/drawnPoints';
import type { SeriesWindow } from '../data/table';
import { activationNames, type ActivationName } from '../model/activations';
import { describeIssue } from '../model/describeIssue';
import { trainingConfigSchema } from '../model/file/schema';
import type { LayerSpec } from '../model/layers';
import { limits } from '../model/limits';
import { MAX_PENALTY } from '../model/regularizers';
import { MAX_JSON_DEPTH, parseSafeJson } from '../model/safeJson';
import type { TrainingConfig } from '../model/trainingConfig';

const activation = z.enum(activationNames as [ActivationName, ...ActivationName[]]);
const whole = (max: number) => z.number().int().min(1).max(max);

/** A kernel's weight penalty (absent in what was stored before layers had one: none). */
const kernelRegularizer = z.object({ l1: z.number().min(0).max(MAX_PENALTY), l2: z.number().min(0).max(MAX_PENALTY) }).optional();

/** A layer without its editor id, with bounds that keep any stored or shared value harmless. */
const layerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dense'), units: whole(limits.maxUnits), activation, kernelRegularizer }),
  z.object({ kind: z.literal('dropout'), rate: z.number().min(0).max(0.99) }),
  z.object({ kind: z.literal('batchNormalization') }),
  z.object({ kind: z.literal('activation'), activation }),
  z.object({
    kind: z.literal('conv2d'),
    filters: whole(512),
    kernelSize: whole(15),
    strides: whole(8),
    padding: z.enum(['valid', 'same']),
    activation,
    kernelRegularizer,
  }),
  z.object({ kind: z.literal('maxPooling2d'), poolSize: whole(8) }),
  z.object({ kind: z.literal('flatten') }),
  ...(['simpleRnn', 'lstm', 'gru'] as const).map((kind) =>
    z.object({
      kind: z.literal(kind),
      units: whole(limits.maxRecurrentUnits),
      activation,
      returnSequences: z.boolean(),
      // Absent in what was stored before recurrent layers had dropout: none.
      dropout: z.number().min(0).max(0.99).optional(),
      recurrentDropout: z.number().min(0).max(0.99).optional(),
    }),
  ),
  z.object({ kind: z.literal('globalAveragePooling1D') }),
]);

/**
 * An experiment as it is stored and shared: the dataset, its 2-D options,
 * the layers, the training config and the dropout rate. Version 1.
 */
export const experimentSchema = z.object({
  v: z.literal(1),
  dataset: z.enum(datasetIds as [DatasetId, ...DatasetId[]]),
  synthetic: z
    .object({
      numPoints: z.number().int().min(10).max(5000),
      noise: z.number().min(0).max(5),
      seed: z.number().int(),
      // The inputs computed from each point (engineeredFeatures.ts); absent in what was stored before they could be chosen: x1, x2.
      features: z.array(z.enum(inputFeatures as [InputFeature, ...InputFeature[]])).max(inputFeatures.length).optional(),
    })
    .nullable(),
  layers: z.array(layerSchema).min(1).max(limits.maxLayers),
  config: trainingConfigSchema,
  dropoutRate: z.number().min(0).max(0.99),
  // A time series' window; absent before it was kept, and when it is the default (20 steps, the next one).
  seriesWindow: z.object({ window: whole(1000), horizon: whole(1000) }).optional(),
  // The points of "Your own points", present only while that set is selected (and absent in what came before it).
  drawn: z
    .object({
      task: z.enum(['binary', 'regression']),
      points: z
        .array(
          z.tuple([
            z.number().min(-DRAW_RANGE).max(DRAW_RANGE),
            z.number().min(-DRAW_RANGE).max(DRAW_RANGE),
            z.number().min(-MAX_DRAWN_VALUE).max(MAX_DRAWN_VALUE),
          ]),
        )
        .max(MAX_DRAWN_POINTS),
      // Its input features (as the generated sets' above); absent in what came before they could be chosen: x1, x2.
      features: z.array(z.enum(inputFeatures as [InputFeature, ...InputFeature[]])).max(inputFeatures.length).optional(),
    })
    .refine((set) => set.task === 'regression' || set.points.every(([, , label]) => label === 0 || label === 1), 'a drawn class must be 0 or 1')
    .optional(),
});

export type ExperimentSnapshot = z.infer<typeof experimentSchema>;

/** A stored finished run; a NaN loss is stored by JSON as null. */
export const runRecordSchema = z.object({
  id: z.string().max(100),
  number: z.number().int().positive(),
  datasetId: z.string().max(100),
  layers: z.array(layerSchema).max(limits.maxLayers),
  config: experimentSchema.shape.config,
  losses: z.array(z.tuple([z.number().nullable(), z.number().nullable()])).max(limits.maxEpochs),
  every: z.number().int().positive().max(limits.maxEpochs).optional(),
  epochs: z.number().int().nonnegative().max(limits.maxEpochs).optional(),
  outcome: z.enum(['completed', 'earlyStopped', 'stopped', 'diverged', 'evaluated']),
  bestValLoss: z.number().nullable(),
  // The held-out test rows' result (NaN is stored as null); absent without a test split.
  test: z.object({ loss: z.number().nullable(), metric: z.number().nullable() }).optional(),
});

/** The snapshot's layers with fresh editor ids. */
export function layersOf(snapshot: ExperimentSnapshot): LayerSpec[] {
  return snapshot.layers.map((layer, i) => ({ ...layer, id: `saved-${i + 1}-${Math.random().toString(36).slice(2, 7)}` }) as LayerSpec);
}

/** A snapshot of the experiment on screen; null for an uploaded CSV, which is not stored or shared. */
export function snapshotOf(state: {
  datasetId: string;
  synthetic: ExperimentSnapshot['synthetic'];
  layers: LayerSpec[];
  config: TrainingConfig;
  dropoutRate: number;
  seriesWindow?: SeriesWindow;
  drawn?: DrawnSet;
}): ExperimentSnapshot | null {
  if (state.datasetId === 'custom') return null;
  const { seriesWindow } = state;
  const customWindow = seriesWindow && (seriesWindow.window !== DEFAULT_SERIES_WINDOW.window || seriesWindow.horizon !== DEFAULT_SERIES_WINDOW.horizon);
  return {
    v: 1,
    dataset: state.datasetId as DatasetId,
    synthetic: state.synthetic,
    layers: state.layers.map(({ id: _id, ...layer }) => layer) as ExperimentSnapshot['layers'],
    config: state.config,
    dropoutRate: state.dropoutRate,
    ...(customWindow ? { seriesWindow: { window: seriesWindow.window, horizon: seriesWindow.horizon } } : {}),
    ...(state.datasetId === 'drawn' && state.drawn ? { drawn: { task: state.drawn.task, points: state.drawn.points, ...(state.drawn.features ? { features: state.drawn.features } : {}) } } : {}),
  };
}

/** Checks an untrusted value (from a link or storage) against the schema; a sentence when it fails. */
export function readSnapshot(json: string): { ok: true; snapshot: ExperimentSnapshot } | { ok: false; reason: string } {
  const value = parseSafeJson(json);
  if (!value.ok) {
    const reasons = {
      forbiddenKey: 'it contains a key that is never part of an experiment',
      tooDeep: `it is JSON nested more than ${MAX_JSON_DEPTH} levels deep, which no experiment is`,
      syntax: 'it is not valid JSON',
    } as const;
    return { ok: false, reason: reasons[value.problem] };
  }
  const parsed = experimentSchema.safeParse(value.value);
  return parsed.success ? { ok: true, snapshot: parsed.data } : { ok: false, reason: describeIssue(parsed.error.issues[0]!) };
}
