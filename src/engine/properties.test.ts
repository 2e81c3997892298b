/**
 * Property-based tests of the whole path from an experiment to a trained
 * epoch: any layer stack, input shape, task and training config either is
 * turned away by the checks the page runs before Train (with a message a
 * person can read), or trains one epoch with tfjs without throwing and
 * without leaving a tensor behind. Cases are drawn with a fixed seed, so a
 * failure prints a counterexample that reproduces.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../data/rng';
import type { Table } from '../data/table';
import { prepareData } from '../data/prepare';
import { activationNames, type ActivationName } from '../model/activations';
import type { LayerSpec, Shape } from '../model/layers';
import { lossNames, losses, type LossName } from '../model/losses';
import { optimizerNames } from '../model/optimizers';
import type { TaskSpec } from '../model/task';
import type { TrainingConfig } from '../model/trainingConfig';
import { experimentProblems } from '../state/problems';
import { testConfig } from '../testing/fixtures';
import type { EpochRecord } from './protocol';
import { RunControl } from './runControl';
import { runTraining } from './trainer';

/**
 * Fixed, so a failure reproduces. To explore new cases, run with other
 * seeds and more runs: PROPERTY_SEED=7 PROPERTY_RUNS=5000 npx vitest run <this file>.
 */
const SEED = Number(process.env.PROPERTY_SEED ?? 20_260_512);
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 1500);

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Mostly ordinary values, sometimes the awkward ones the checks must catch. */
const mostly = <T>(usual: fc.Arbitrary<T>, odd: readonly T[]): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: usual, weight: 12 }, { arbitrary: fc.constantFrom(...odd), weight: 1 });

const activation = fc.constantFrom(...activationNames);
const oddCounts = [0, -1, -64, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e9] as const;

const denseUnits = mostly(fc.integer({ min: 1, max: 12 }), [...oddCounts, 4096, 4097]);
const dropoutRate = mostly(fc.double({ min: 0, max: 0.95, noNaN: true }), [0, 1, 1.5, -0.1, Number.NaN, 0.999]);
// Small filters most of the time: two wide convolutions in a row are slow on the CPU backend.
const filters = mostly(fc.integer({ min: 1, max: 6 }), [...oddCounts, 512, 513]);
const kernelSize = mostly(fc.integer({ min: 1, max: 5 }), [...oddCounts, 15, 16]);
const strides = mostly(fc.integer({ min: 1, max: 3 }), [...oddCounts, 8, 9]);
const poolSize = mostly(fc.integer({ min: 1, max: 3 }), [...oddCounts, 8, 9]);

let nextId = 0;
const id = (): string => `p${nextId++}`;

const denseLayer = fc.record({ units: denseUnits, activation }).map((l): LayerSpec => ({ id: id(), kind: 'dense', ...l }));
const anyLayerForVectors: fc.Arbitrary<LayerSpec> = fc.oneof(
  { arbitrary: denseLayer, weight: 4 },
  { arbitrary: dropoutRate.map((rate): LayerSpec => ({ id: id(), kind: 'dropout', rate })), weight: 2 },
  { arbitrary: fc.constant(null).map((): LayerSpec => ({ id: id(), kind: 'batchNormalization' })), weight: 1 },
  { arbitrary: activation.map((a): LayerSpec => ({ id: id(), kind: 'activation', activation: a })), weight: 1 },
  // Flatten belongs to images, but nothing stops a person adding it to a table's model.
  { arbitrary: fc.constant(null).map((): LayerSpec => ({ id: id(), kind: 'flatten' })), weight: 1 },
);
const vectorLayer: fc.Arbitrary<LayerSpec> = fc.oneof(
  { arbitrary: anyLayerForVectors, weight: 1 },
  // A model whose body is only Dense layers is the common case; Flatten on a vector is not.
  { arbitrary: denseLayer, weight: 1 },
);
const imageLayer: fc.Arbitrary<LayerSpec> = fc.oneof(
  {
    arbitrary: fc
      .record({ filters, kernelSize, strides, padding: fc.constantFrom('valid' as const, 'same' as const), activation })
      .map((l): LayerSpec => ({ id: id(), kind: 'conv2d', ...l })),
    weight: 3,
  },
  { arbitrary: poolSize.map((size): LayerSpec => ({ id: id(), kind: 'maxPooling2d', poolSize: size })), weight: 2 },
  { arbitrary: anyLayerForVectors, weight: 2 },
);

type InputKind = 'vector' | 'image';
const inputShape: fc.Arbitrary<{ kind: InputKind; shape: Shape }> = fc.oneof(
  fc.integer({ min: 1, max: 5 }).map((n) => ({ kind: 'vector' as const, shape: [n] })),
  fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 }))
    .map((s) => ({ kind: 'image' as const, shape: s })),
);

const task: fc.Arbitrary<TaskSpec> = fc.oneof(
  fc.constant({ kind: 'regression' } as const),
  fc.constant({ kind: 'binary' } as const),
  fc.integer({ min: 2, max: 4 }).map((numClasses): TaskSpec => ({ kind: 'multiclass', numClasses })),
);

/** The loss and output that suit a task, as a person who follows the course would pick them. */
function fittingHead(t: TaskSpec, loss: LossName): { units: number; activation: ActivationName } {
  const output = losses[loss].output;
  return {
    units: t.kind === 'multiclass' ? t.numClasses : 1,
    activation: output === 'any' ? 'linear' : output,
  };
}

const config = fc.record({
  optimizer: fc.constantFrom(...optimizerNames),
  learningRate: mostly(fc.constantFrom(1e-4, 0.001, 0.01, 0.1, 1, 10), [0, -0.1, 1e6, Number.NaN, Number.POSITIVE_INFINITY, 10.5]),
  batchSize: mostly(fc.integer({ min: 1, max: 40 }), [0, -1, 1.5, Number.NaN, 1000, 1e9]),
  epochs: mostly(fc.constant(1), [0, -1, 1.5, Number.NaN]),
  validationSplit: mostly(fc.constantFrom(0.2, 0.25, 0.5), [0, 1, -0.2, Number.NaN]),
  scaling: fc.constantFrom('standard' as const, 'minmax' as const, 'none' as const),
  earlyStopping: fc.boolean(),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

/** Layers with no weights: they only pass values on (reshaped, dropped, squashed). */
const passThroughLayer = (kind: InputKind): fc.Arbitrary<LayerSpec> =>
  fc.oneof(
    dropoutRate.map((rate): LayerSpec => ({ id: id(), kind: 'dropout', rate })),
    activation.map((a): LayerSpec => ({ id: id(), kind: 'activation', activation: a })),
    fc.constant(null).map((): LayerSpec => ({ id: id(), kind: 'flatten' })),
    ...(kind === 'image' ? [poolSize.map((size): LayerSpec => ({ id: id(), kind: 'maxPooling2d', poolSize: size }))] : []),
    // The one weighted layer among them, so that some of these stacks can train.
    fc.constant(null).map((): LayerSpec => ({ id: id(), kind: 'batchNormalization' })),
  );

type Head = 'fitting' | 'flattenAndFitting' | 'none';

/** How the body and the head of an experiment's layer stack are drawn. */
interface StackRecipe {
  inputs: fc.Arbitrary<{ kind: InputKind; shape: Shape }>;
  body(kind: InputKind): fc.Arbitrary<LayerSpec>;
  head(kind: InputKind): fc.Arbitrary<Head>;
}

/** Images need a Flatten before the output layer; now and then the head is wrong or missing. */
const mostlyFittingHead = (kind: InputKind): fc.Arbitrary<Head> =>
  fc.oneof(
    { arbitrary: fc.constant(kind === 'image' ? ('flattenAndFitting' as const) : ('fitting' as const)), weight: 6 },
    { arbitrary: fc.constant(kind === 'image' ? ('fitting' as const) : ('flattenAndFitting' as const)), weight: 1 },
    // The body alone: it fits the task only by chance.
    { arbitrary: fc.constant('none' as const), weight: 2 },
  );

/**
 * One experiment: a body of random layers, then a head, and (most of the
 * time) a loss that suits the task, so that a good share of the cases gets
 * past validation and really trains.
 */
const experimentOf = (recipe: StackRecipe) =>
  recipe.inputs
    .chain((input) =>
      fc.record({
        input: fc.constant(input),
        task,
        rows: fc.integer({ min: 2, max: 30 }),
        dataSeed: fc.integer({ min: 0, max: 1_000_000 }),
        // Unscaled features this large overflow the loss: such a run must end as diverged, not throw.
        magnitude: mostly(fc.constant(3), [0, 1e20]),
        body: fc.array(recipe.body(input.kind), { maxLength: 4 }),
        head: recipe.head(input.kind),
        lossChoice: fc.oneof({ arbitrary: fc.constant('fitting' as const), weight: 8 }, { arbitrary: fc.constantFrom(...lossNames), weight: 1 }),
        config,
      }),
    )
    .map(({ input, task: t, rows, dataSeed, magnitude, body, head, lossChoice, config: c }) => {
      const loss: LossName = lossChoice === 'fitting' ? defaultLossOf(t) : lossChoice;
      const layers: LayerSpec[] = [...body];
      if (head === 'flattenAndFitting') layers.push({ id: id(), kind: 'flatten' });
      if (head !== 'none') layers.push({ id: id(), kind: 'dense', ...fittingHead(t, loss) });
      const trainingConfig: TrainingConfig = testConfig({
        optimizer: c.optimizer,
        learningRate: c.learningRate,
        batchSize: c.batchSize,
        epochs: c.epochs,
        loss,
        validationSplit: c.validationSplit,
        scaling: c.scaling,
        seed: c.seed,
        earlyStopping: { enabled: c.earlyStopping, patience: 0, minDelta: 0, restoreBestWeights: true },
      });
      const table = randomTable({ shape: input.shape, task: t, rows, seed: dataSeed, kind: input.kind, magnitude });
      return { table, layers, config: trainingConfig };
    });

const anyExperiment = experimentOf({
  inputs: inputShape,
  body: (kind) => (kind === 'image' ? imageLayer : vectorLayer),
  head: mostlyFittingHead,
});

/** Stacks with no output layer of their own, on inputs small enough that their shape can fit the task as it is. */
const passThroughExperiment = experimentOf({
  inputs: fc.oneof(
    fc.integer({ min: 1, max: 2 }).map((n) => ({ kind: 'vector' as const, shape: [n] })),
    fc.constantFrom([1, 1, 1], [2, 2, 1], [1, 1, 2]).map((shape) => ({ kind: 'image' as const, shape })),
  ),
  body: passThroughLayer,
  head: () => fc.constant('none' as const),
});

function defaultLossOf(t: TaskSpec): LossName {
  return t.kind === 'regression' ? 'mse' : t.kind === 'binary' ? 'binaryCrossentropy' : 'categoricalCrossentropy';
}

interface TableRecipe {
  shape: Shape;
  task: TaskSpec;
  rows: number;
  seed: number;
  kind: InputKind;
  /** Spread of the features; 0 makes every feature constant. */
  magnitude: number;
}

/** A table of random features and targets that fit the task; every class appears when there are rows enough. */
function randomTable({ shape, task: t, rows, seed, kind, magnitude }: TableRecipe): Table {
  const rng = createRng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  const features = new Float32Array(rows * size).map(() => rng.normal() * magnitude);
  const classes = t.kind === 'multiclass' ? t.numClasses : 2;
  const targets = new Float32Array(rows).map((_, r) => (t.kind === 'regression' ? rng.normal() * 10 : r % classes));
  return {
    featureNames: Array.from({ length: size }, (_, i) => `x${i}`),
    targetName: 'y',
    features,
    targets,
    numRows: rows,
    task: t,
    modality: kind === 'image' ? 'image' : 'tabular',
    ...(kind === 'image' ? { inputShape: [...shape] } : {}),
  };
}

/** What happened to the cases, so the test can show that it did not only reject. */
interface Tally {
  rejected: number;
  trained: number;
  diverged: number;
}

type Experiment = { table: Table; layers: LayerSpec[]; config: TrainingConfig };

/** The property itself: rejected with readable reasons, or one clean epoch with every tensor freed. */
async function rejectedOrTrainsCleanly({ table, layers, config: c }: Experiment, tally: Tally): Promise<void> {
  const problems = experimentProblems(table, layers, c);
  if (problems.length > 0) {
    tally.rejected++;
    for (const problem of problems) expect(problem.trim().length).toBeGreaterThan(0);
    return;
  }
  const prepared = prepareData(table, c.validationSplit, c.seed, c.scaling);
  // As the store does: a batch larger than the training split is clamped for the run.
  const batchSize = Math.min(c.batchSize, prepared.numTrain);
  const baseline = tf.memory().numTensors;
  const history: EpochRecord[] = [];
  const result = await runTraining(
    { layers, task: table.task, config: { ...c, batchSize }, data: { ...prepared, grid: null } },
    new RunControl(),
    { onEpoch: (record) => history.push(record) },
  );
  expect(result.tensorsAfter).toBe(result.tensorsBefore);
  expect(tf.memory().numTensors).toBe(baseline);
  expect(history.map((r) => r.epoch)).toEqual([1]);
  // One epoch: early stopping cannot stop yet, and a diverging loss is a fine answer.
  expect(['completed', 'diverged']).toContain(result.outcome.kind);
  tally.trained++;
  if (result.outcome.kind === 'diverged') tally.diverged++;
}

async function checkProperty(name: string, experiments: fc.Arbitrary<Experiment>, numRuns: number, least: Partial<Tally>): Promise<void> {
  const tally: Tally = { rejected: 0, trained: 0, diverged: 0 };
  await fc.assert(
    fc.asyncProperty(experiments, (experiment) => rejectedOrTrainsCleanly(experiment, tally)),
    { seed: SEED, numRuns },
  );
  console.info(`${name}: ${tally.trained} trained (${tally.diverged} diverged), ${tally.rejected} rejected`);
  // Guards against generators that drift into making only one kind of case.
  for (const [key, value] of Object.entries(least)) expect(tally[key as keyof Tally], key).toBeGreaterThanOrEqual(value);
}

describe('any experiment is rejected with a reason, or trains an epoch cleanly', () => {
  it('over random layer stacks, inputs, tasks and configs', () => checkProperty('random stacks', anyExperiment, NUM_RUNS, {
    trained: NUM_RUNS / 5,
    rejected: NUM_RUNS / 5,
    diverged: 1,
  }), 120_000);

  it('over stacks of layers that only pass values on', () => checkProperty('pass-through stacks', passThroughExperiment, NUM_RUNS / 4, {
    trained: 1,
    rejected: NUM_RUNS / 20,
  }), 60_000);
});
