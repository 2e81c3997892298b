import { SGD_MOMENTUM, optimizerSettings, type OptimizerName } from './optimizers';
import { num, type Call } from './pythonReader';

/** Arguments every Keras optimizer takes that change nothing when left at None / False. */
const offWhenUnset = ['weight_decay', 'clipnorm', 'clipvalue', 'global_clipnorm', 'use_ema', 'loss_scale_factor', 'gradient_accumulation_steps'];
/** Arguments that name the optimizer or its rate, read elsewhere or harmless. */
const readElsewhere = new Set(['learning_rate', 'lr', 'name']);

const pythonText = (value: number | boolean): string => (typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value));

/**
 * A sentence for each argument of a pasted optimizer call that the
 * playground does not train with as written, e.g. `SGD(momentum=0.5)` (its
 * momentum optimizer uses 0.9) or `Adam(amsgrad=True)`.
 */
export function optimizerArgumentNotes(call: Call, chosen: OptimizerName, kerasClass: string): string[] {
  const settings: Readonly<Record<string, number | boolean>> = optimizerSettings[chosen];
  const notes: string[] = [];
  if (call.args.length > 1) {
    notes.push(`${kerasClass}(…): the playground reads only the learning rate by position; it trains with its own value of each argument after it (write them by name to have them checked).`);
  }
  for (const [key, given] of Object.entries(call.kwargs)) {
    if (readElsewhere.has(key)) continue;
    const written = typeof given === 'boolean' ? given : num(given);
    const asWritten = `${kerasClass}(${key}=${written === null ? '…' : pythonText(written)})`;
    if (key in settings) {
      const value = settings[key]!;
      if (written === value) continue;
      if (key === 'momentum' && chosen === 'momentum' && typeof written === 'number' && written > 0) {
        notes.push(`${asWritten}: the playground's SGD with momentum uses momentum ${SGD_MOMENTUM}, so it trains with ${SGD_MOMENTUM}, not ${written}.`);
      } else {
        notes.push(`${asWritten}: the playground's ${kerasClass} runs with ${key}=${pythonText(value)}, so it trains with that.`);
      }
    } else if (offWhenUnset.includes(key)) {
      if (given === null || given === false) continue;
      notes.push(`${asWritten}: the playground does not apply ${key}, so it trains without it.`);
    } else {
      notes.push(`${kerasClass}(${key}=…): the playground does not read ${key}, so it trains without it.`);
    }
  }
  return notes;
}
