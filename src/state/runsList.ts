import type { EpochRecord, RunOutcome } from '../engine/protocol';
import { isToggleOn } from '../model/toggles';
import type { LayerDraft, LayerSpec } from '../model/layers';
import type { TrainingConfig } from '../model/trainingConfig';
import { optimizers } from '../model/optimizers';
import type { RunState } from './runState';

/** A finished run kept for comparison: its experiment and its curves. */
export interface RunRecord {
  id: string;
  /** 1, 2, 3…: the order runs finished in. */
  number: number;
  datasetId: string;
  layers: LayerDraft[];
  config: TrainingConfig;
  /** [loss, val_loss] of epochs 1, 1 + every, 1 + 2·every, … */
  losses: [number, number][];
  /** Epochs between two kept points: long runs keep at most RECORD_POINTS of them (1 when absent). */
  every?: number;
  /** Epochs the run trained (losses.length when absent). */
  epochs?: number;
  outcome: RunOutcome['kind'];
  bestValLoss: number;
  /** The final model on the held-out test rows (config.testSplit > 0); absent without them. */
  test?: { loss: number; metric: number };
}

/** How many finished runs are kept; the oldest go first (and sooner when the browser's storage is full). */
export const MAX_RUNS = 200;

/** Most [loss, val_loss] points a finished run keeps: enough to overlay it on the chart, small enough to keep 200. */
export const RECORD_POINTS = 300;

/** The epoch of a record's i-th kept point. */
export const recordEpoch = (record: Pick<RunRecord, 'every'>, i: number): number => i * (record.every ?? 1) + 1;

/** A record of a run that has just ended, or null when there is nothing to keep. */
export function recordOf(run: RunState, number: number): RunRecord | null {
  if (!run.setup || run.history.length === 0 || !run.outcome || run.outcome.kind === 'evaluated') return null;
  const all = run.history.map((r: EpochRecord) => [r.loss, r.valLoss] as [number, number]);
  const finite = all.map(([, v]) => v).filter(Number.isFinite);
  const every = Math.max(1, Math.ceil(all.length / RECORD_POINTS));
  const losses = every === 1 ? all : all.filter((_, i) => i % every === 0);
  return {
    id: `run-${Date.now().toString(36)}-${number}`,
    number,
    datasetId: run.setup.datasetId,
    layers: run.setup.layers.map(({ id: _id, ...layer }) => layer),
    config: run.setup.config,
    losses,
    ...(every > 1 ? { every } : {}),
    epochs: all.length,
    outcome: run.outcome.kind,
    bestValLoss: finite.length > 0 ? Math.min(...finite) : Number.NaN,
    ...(run.test ? { test: { loss: run.test.loss, metric: run.test.metric } } : {}),
  };
}

const fmt = (value: number): string => String(Number(value.toPrecision(3)));
const hidden = (layers: readonly LayerDraft[]): string =>
  layers.flatMap((layer) => (layer.kind === 'dense' ? [String(layer.units)] : [])).join('-');

/**
 * What sets a past run apart from the current experiment, in a few words:
 * "+ dropout 0.3", "lr 0.1", "batch 64", "layers 16-16-1". Empty when the
 * run had the same settings.
 */
export function differences(run: RunRecord, current: { datasetId: string; layers: LayerSpec[]; config: TrainingConfig }): string[] {
  const out: string[] = [];
  const withIds = run.layers.map((layer, i) => ({ ...layer, id: String(i) }) as LayerSpec);
  if (run.datasetId !== current.datasetId) out.push(run.datasetId);
  for (const [kind, name] of [
    ['dropout', 'dropout'],
    ['batchNormalization', 'batch norm'],
  ] as const) {
    const had = isToggleOn(withIds, kind);
    if (had !== isToggleOn(current.layers, kind)) {
      const rate = withIds.find((l) => l.kind === 'dropout');
      out.push(had ? `+ ${name}${kind === 'dropout' && rate?.kind === 'dropout' ? ` ${rate.rate}` : ''}` : `− ${name}`);
    }
  }
  if (hidden(run.layers) !== hidden(current.layers)) out.push(`layers ${hidden(run.layers)}`);
  const a = run.config;
  const b = current.config;
  if (a.optimizer !== b.optimizer) out.push(optimizers[a.optimizer].label);
  if (a.learningRate !== b.learningRate) out.push(`lr ${fmt(a.learningRate)}`);
  if (a.batchSize !== b.batchSize) out.push(`batch ${a.batchSize}`);
  if (a.loss !== b.loss) out.push(a.loss);
  if (a.epochs !== b.epochs) out.push(`${a.epochs} epochs`);
  if (a.earlyStopping.enabled !== b.earlyStopping.enabled) out.push(a.earlyStopping.enabled ? '+ early stopping' : '− early stopping');
  return out;
}

/** The label of a past run on the chart: its number and what differs. */
export function runLabel(run: RunRecord, current: Parameters<typeof differences>[1]): string {
  const diff = differences(run, current);
  return `run ${run.number}${diff.length > 0 ? `: ${diff.join(', ')}` : ' (same settings)'}`;
}
