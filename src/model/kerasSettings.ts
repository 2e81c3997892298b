import { monitorFromName, monitorName, type EarlyStoppingConfig, type MonitorKind } from './earlyStopping';
import type { KerasReading } from './kerasCode';
import type { TaskSpec } from './task';
import { checkTrainingConfig, type TrainingConfig } from './trainingConfig';

/** What applying pasted Keras code did, as the dialog reports it. */
export interface KerasApplied {
  applied: boolean;
  /** What was not taken, and why ("Line 3: …"). */
  problems: string[];
  /** Information, not failures: the dataset's input shape is used, how validation is done. */
  notes: string[];
  /** Values the code left out, set from Keras's defaults ("learning rate 0.001 (Adam's default)"). */
  defaults: string[];
}

/** Keras 2's short names, which Keras still logs when compiled with metrics=['acc']. */
const aliases: Record<string, string> = { acc: 'accuracy', val_acc: 'val_accuracy' };

/** The monitor a Keras name stands for on this task, or a sentence on why the playground cannot follow it. */
function readMonitor(name: string, task: TaskSpec | null, current: EarlyStoppingConfig): MonitorKind | string {
  const kind = task ? monitorFromName(aliases[name] ?? name, task) : name === 'val_loss' ? 'val_loss' : name === 'loss' ? 'loss' : null;
  if (kind) return kind;
  const logged = (['loss', 'val_loss', 'metric', 'val_metric'] as const).map((k) => monitorName(k, task)).join(', ');
  return `EarlyStopping monitors "${name}", which the playground does not log (it logs ${logged}). The current monitor, ${monitorName(current.monitor, task)}, is kept.`;
}

/**
 * The current config with the settings read from pasted Keras code put in,
 * each one only when it is within the playground's bounds. A value that is
 * not (`epochs=99999`, `learning_rate=50`) leaves the current one in place,
 * with a sentence saying why, rather than an experiment that cannot train.
 * Code without EarlyStopping turns it off, as in Keras. The monitor is
 * matched to the task's names (val_accuracy is a classifier's).
 */
export function mergeKerasSettings(
  current: TrainingConfig,
  pasted: KerasReading['config'],
  task: TaskSpec | null = null,
): { config: TrainingConfig; problems: string[] } {
  const { earlyStopping, ...scalars } = pasted;
  const problems: string[] = [];
  // Each value is judged alone against the current config, with early stopping on so its settings are checked too.
  const judge = (candidate: TrainingConfig): string[] => {
    const before = checkTrainingConfig({ ...current, earlyStopping: { ...current.earlyStopping, enabled: true } }, 0);
    return checkTrainingConfig({ ...candidate, earlyStopping: { ...candidate.earlyStopping, enabled: true } }, 0).filter((p) => !before.includes(p));
  };
  let early: EarlyStoppingConfig = { ...current.earlyStopping, enabled: false };
  if (earlyStopping) {
    const { monitor: name, ...rest } = earlyStopping;
    const monitor = readMonitor(name, task, current.earlyStopping);
    early = { ...current.earlyStopping, ...rest };
    if (monitorKindLike(monitor)) early.monitor = monitor;
    else problems.push(monitor);
  }
  const config: TrainingConfig = { ...current, earlyStopping: early };
  for (const [key, value] of Object.entries(scalars) as [keyof typeof scalars, unknown][]) {
    const wrong = judge({ ...current, [key]: value });
    if (wrong.length === 0) Object.assign(config, { [key]: value });
    else problems.push(`${wrong.join(' ')} The current value, ${String(current[key])}, is kept.`);
  }
  for (const key of ['patience', 'minDelta', 'baseline'] as const) {
    const value = earlyStopping?.[key];
    if (value === undefined) continue;
    const wrong = judge({ ...current, earlyStopping: { ...current.earlyStopping, [key]: value } });
    if (wrong.length > 0) {
      config.earlyStopping = { ...config.earlyStopping, [key]: current.earlyStopping[key] };
      problems.push(`${wrong.join(' ')} The current value, ${String(current.earlyStopping[key] ?? 'none')}, is kept.`);
    }
  }
  return { config, problems };
}

const monitorKindLike = (value: MonitorKind | string): value is MonitorKind =>
  value === 'val_loss' || value === 'val_metric' || value === 'loss' || value === 'metric';

const percent = (split: number): string => `${Math.round(split * 100)} %`;

/**
 * Everything applying a reading does to the config, with what to tell the
 * person: the problems (with line numbers), the values set from Keras's
 * defaults, and notes — the dataset's input shape is the one used, and the
 * playground always validates on a split of its own, even where Keras
 * would validate on nothing (fit without validation_split) or on the
 * script's own validation_data.
 */
export function settingsFromKeras(
  current: TrainingConfig,
  reading: KerasReading,
  dataset: { task: TaskSpec; inputShape: readonly number[] } | null,
): { config: TrainingConfig } & Omit<KerasApplied, 'applied'> {
  const merged = mergeKerasSettings(current, reading.config, dataset?.task ?? null);
  const notes: string[] = [];
  if (reading.inputShape && dataset && dataset.inputShape.join() !== reading.inputShape.join()) {
    notes.push(`The code's input_shape [${reading.inputShape.join(', ')}] differs from this dataset's [${dataset.inputShape.join(', ')}]; the dataset's is used.`);
  }
  const split = percent(merged.config.validationSplit);
  if (reading.validation === 'none') {
    notes.push(`Keras's fit holds nothing out without validation_split; the playground keeps its validation split (${split} of the rows) so that val_loss can be drawn and watched.`);
  } else if (reading.validation === 'data') {
    notes.push(`fit validates on validation_data; the playground holds out its own validation split (${split} of the rows) instead.`);
  }
  return {
    config: merged.config,
    problems: [...reading.problems.map((p) => `Line ${p.line}: ${p.message}`), ...merged.problems],
    notes: [...notes, ...reading.notes],
    defaults: reading.defaults,
  };
}
