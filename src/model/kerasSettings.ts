import type { KerasReading } from './kerasCode';
import { checkTrainingConfig, type TrainingConfig } from './trainingConfig';

/**
 * The current config with the settings read from pasted Keras code put in,
 * each one only when it is within the playground's bounds. A value that is
 * not (`epochs=99999`, `learning_rate=50`) leaves the current one in place,
 * with a sentence saying why, rather than an experiment that cannot train.
 * Code without EarlyStopping turns it off, as in Keras.
 */
export function mergeKerasSettings(current: TrainingConfig, pasted: KerasReading['config']): { config: TrainingConfig; problems: string[] } {
  const { earlyStopping, ...scalars } = pasted;
  const problems: string[] = [];
  // Each value is judged alone against the current config, with early stopping on so its settings are checked too.
  const judge = (candidate: TrainingConfig): string[] => {
    const before = checkTrainingConfig({ ...current, earlyStopping: { ...current.earlyStopping, enabled: true } }, 0);
    return checkTrainingConfig({ ...candidate, earlyStopping: { ...candidate.earlyStopping, enabled: true } }, 0).filter((p) => !before.includes(p));
  };
  const config: TrainingConfig = { ...current, earlyStopping: { ...current.earlyStopping, ...(earlyStopping ?? { enabled: false }) } };
  for (const [key, value] of Object.entries(scalars) as [keyof typeof scalars, unknown][]) {
    const wrong = judge({ ...current, [key]: value });
    if (wrong.length === 0) Object.assign(config, { [key]: value });
    else problems.push(`${wrong.join(' ')} The current value, ${String(current[key])}, is kept.`);
  }
  for (const key of ['patience', 'minDelta'] as const) {
    const value = earlyStopping?.[key];
    if (value === undefined) continue;
    const wrong = judge({ ...current, earlyStopping: { ...current.earlyStopping, [key]: value } });
    if (wrong.length > 0) {
      config.earlyStopping[key] = current.earlyStopping[key];
      problems.push(`${wrong.join(' ')} The current value, ${current.earlyStopping[key]}, is kept.`);
    }
  }
  return { config, problems };
}
