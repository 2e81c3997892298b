/**
 * Writes the badge's corpus of real training histories,
 * src/model/fixtures/curveCorpus.json, by training each case of cases.ts in
 * Node with the project's trainer (the fused JavaScript engine, or tfjs on
 * its CPU backend). Run with
 *   npx vitest run --config scripts/curveCorpus/vitest.config.ts
 * CURVES=id1,id2 retrains only those cases and keeps the others as they are.
 */
import { readFile, writeFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { expect, test } from 'vitest';
import { loadDataset } from '../../src/data/datasets';
import { prepareData } from '../../src/data/prepare';
import type { EpochRecord, RunOutcome } from '../../src/engine/protocol';
import { RunControl } from '../../src/engine/runControl';
import { runTraining } from '../../src/engine/trainer';
import type { CorpusCurve, CorpusFile } from '../../src/model/fixtures/corpusFormat';
import { constantLoss } from '../../src/model/constantLoss';
import type { LayerDraft, LayerSpec } from '../../src/model/layers';
import type { TrainingConfig } from '../../src/model/trainingConfig';
import { defaultExperiment } from '../../src/state/defaults';
import { lessonConfig, lessons } from '../../src/state/lessons';
import { curveCases, type CurveCase } from './cases';

const root = new URL('../../', import.meta.url);
const corpusUrl = new URL('src/model/fixtures/curveCorpus.json', root);
const files = {
  text: (file: string) => readFile(new URL(`public/datasets/${file}`, root), 'utf8'),
  bytes: async (file: string) => new Uint8Array(await readFile(new URL(`public/datasets/${file}`, root))),
};

/** Five significant digits keep the file small and the curve's shape exact enough; non-finite values as text. */
const round = (value: number): number | 'NaN' | 'Infinity' | '-Infinity' =>
  Number.isFinite(value) ? Number(value.toPrecision(5)) : (String(value) as 'NaN' | 'Infinity' | '-Infinity');

const describeLayers = (layers: readonly LayerDraft[]): string =>
  layers
    .map((l) => (l.kind === 'dense' ? `${l.units} ${l.activation}` : l.kind === 'dropout' ? `dropout ${l.rate}` : l.kind))
    .join(', ');

function describeCase(c: CurveCase, config: TrainingConfig): string {
  const data = c.synthetic ? `${c.dataset} (${c.synthetic.numPoints} points, noise ${c.synthetic.noise}, data seed ${c.synthetic.seed})` : c.dataset;
  const es = config.earlyStopping.enabled
    ? `, early stopping patience ${config.earlyStopping.patience} min delta ${config.earlyStopping.minDelta}${config.earlyStopping.restoreBestWeights ? ' restoring best weights' : ''}`
    : '';
  return (
    `${c.lesson ? `lesson ${lessons[c.lesson].title}: ` : ''}${data}; [${describeLayers(c.layers)}]; ${config.optimizer} lr ${config.learningRate}, ` +
    `${config.loss}, batch ${config.batchSize}, ${config.epochs} epochs, validation ${config.validationSplit}, scaling ${config.scaling}, seed ${config.seed}${es}; engine ${c.engine}`
  );
}

async function train(c: CurveCase): Promise<CorpusCurve> {
  const lesson = c.lesson ? lessons[c.lesson] : null;
  const synthetic = c.synthetic ?? (lesson && 'synthetic' in lesson ? lesson.synthetic : undefined);
  const table = await loadDataset(c.dataset, files, synthetic);
  const base = defaultExperiment(c.dataset).config;
  const start = lesson ? lessonConfig(lesson, base) : base;
  const config: TrainingConfig = { ...start, ...c.config, earlyStopping: { ...start.earlyStopping, ...c.config.earlyStopping } };
  const data = { ...prepareData(table, config.validationSplit, config.seed, config.scaling), grid: null };
  const history: EpochRecord[] = [];
  const layers = c.layers.map((layer, i) => ({ ...layer, id: `l${i}` }) as LayerSpec);
  const started = performance.now();
  const result = await runTraining({ layers, task: table.task, config, data, engine: c.engine }, new RunControl(), { onEpoch: (r) => history.push(r) });
  const outcome: RunOutcome = result.outcome;
  console.log(`${c.id}: ${history.length} epochs, ${outcome.kind}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return {
    id: c.id,
    made: describeCase({ ...c, synthetic }, config),
    outcome: {
      kind: outcome.kind,
      restoredFrom: outcome.kind === 'completed' || outcome.kind === 'earlyStopped' ? outcome.restoredFrom : null,
    },
    constantValLoss: Number(constantLoss(config.loss, data.yVal, data.targetSize).toPrecision(5)),
    epochs: history.map((r) => [r.epoch, round(r.loss), round(r.valLoss)]),
  };
}

test('writes the corpus of training curves', { timeout: 3_600_000 }, async () => {
  await tf.setBackend('cpu');
  const only = process.env.CURVES?.split(',').filter(Boolean) ?? null;
  let kept: CorpusCurve[] = [];
  if (only) kept = (JSON.parse(await readFile(corpusUrl, 'utf8')) as CorpusFile).curves;
  const byId = new Map(kept.map((curve) => [curve.id, curve]));
  for (const c of curveCases) {
    if (only && !only.includes(c.id)) continue;
    byId.set(c.id, await train(c));
  }
  const order = curveCases.map((c) => c.id);
  const curves = [...byId.values()].filter((c) => order.includes(c.id)).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const file: CorpusFile = {
    about: 'Real training histories for the fit badge, written by scripts/curveCorpus/generate.test.ts; labels are in curveLabels.ts.',
    curves,
  };
  // One curve per line: compact, and a diff shows which curves changed.
  const body = curves.map((c) => `    ${JSON.stringify(c)}`).join(',\n');
  await writeFile(corpusUrl, `{\n  "about": ${JSON.stringify(file.about)},\n  "curves": [\n${body}\n  ]\n}\n`);
  expect(curves.length).toBeGreaterThan(0);
});
