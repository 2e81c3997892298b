/**
 * The training loss of every step (batch) of a run, kept whole for the
 * per-step chart: a buffer that grows by doubling, so appending an epoch's
 * steps costs the copy of those steps, not of the whole run. A log is a view
 * of its first `count` values; appending writes past them, so a newer log may
 * share the buffer of an older one, which still reads only its own steps.
 */
export interface StepLog {
  values: Float32Array;
  /** Steps recorded: `values[0 … count)`. */
  count: number;
}

export const emptySteps: StepLog = { values: new Float32Array(0), count: 0 };

/** The log with `more` steps after its own. */
export function appendSteps(log: StepLog, more: Float32Array): StepLog {
  if (more.length === 0) return log;
  const count = log.count + more.length;
  let values = log.values;
  if (count > values.length) {
    values = new Float32Array(Math.max(1024, values.length * 2, count));
    values.set(log.values.subarray(0, log.count));
  }
  values.set(more, log.count);
  return { values, count };
}

/** The log's first `count` steps (a run moved to another backend trains the later ones again). */
export function truncateSteps(log: StepLog, count: number): StepLog {
  return count >= log.count ? log : { values: log.values, count: Math.max(0, count) };
}

/** The recorded steps as an array of their own. */
export function stepValues(log: StepLog): Float32Array {
  return log.values.subarray(0, log.count);
}
