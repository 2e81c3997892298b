import type { KernelRegularizer } from './layers';
import { isCall, lastName, num, str, type Value } from './pythonReader';
import { MAX_PENALTY } from './regularizers';

/** Keras 3's defaults: l1() and l2() (and the strings 'l1', 'l2') use 0.01; L1L2() / l1_l2() use 0 for a strength not given. */
const DEFAULT_STRENGTH = 0.01;

/**
 * A `kernel_regularizer=` argument of Keras code: `keras.regularizers.l2(0.01)`,
 * `regularizers.l1(l1=0.001)`, `l1_l2(l1=…, l2=…)`, `L2(…)`, the strings
 * `'l1'` / `'l2'`, or None. Null means no penalty; a string says why it cannot be read.
 */
export function readKerasRegularizer(value: Value | undefined): KernelRegularizer | null | string {
  if (value === undefined || value === null) return null;
  const named = str(value);
  if (named !== null) {
    if (named === 'l1') return { l1: DEFAULT_STRENGTH, l2: 0 };
    if (named === 'l2') return { l1: 0, l2: DEFAULT_STRENGTH };
    return `kernel_regularizer=${JSON.stringify(named)} is not one Keras knows ("l1" or "l2").`;
  }
  if (!isCall(value)) return 'kernel_regularizer must be keras.regularizers.l1(…), l2(…) or l1_l2(…).';
  const name = lastName(value.callee).toLowerCase();
  const strength = (key: 'l1' | 'l2', position: number, fallback: number): number | string => {
    const given = value.kwargs[key] ?? value.args[position];
    if (given === undefined) return fallback;
    const n = num(given);
    return n !== null && n >= 0 && n <= MAX_PENALTY ? n : `kernel_regularizer: ${key}=${JSON.stringify(given)} is not a number from 0 to ${MAX_PENALTY}.`;
  };
  let l1: number | string = 0;
  let l2: number | string = 0;
  if (name === 'l1') l1 = strength('l1', 0, DEFAULT_STRENGTH);
  else if (name === 'l2') l2 = strength('l2', 0, DEFAULT_STRENGTH);
  else if (name === 'l1_l2' || name === 'l1l2') {
    l1 = strength('l1', 0, 0);
    l2 = strength('l2', 1, 0);
  } else return `kernel_regularizer=${value.callee}(…) is not a penalty the playground has (l1, l2, l1_l2).`;
  if (typeof l1 === 'string') return l1;
  if (typeof l2 === 'string') return l2;
  return l1 > 0 || l2 > 0 ? { l1, l2 } : null;
}
