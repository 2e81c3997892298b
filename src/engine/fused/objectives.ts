import type { LossName } from '../../model/losses';
import type { TaskSpec } from '../../model/task';

/** The tfjs/Keras backend epsilon, used by the cross-entropy clip. */
const EPSILON = 1e-7;

/**
 * Loss and metric sums over `rows` rows of predictions `p` against targets
 * `t` (k values a row), and, when `grad` is given, d(mean loss)/dp into it
 * with the mean taken over `meanOver` rows. Definitions as in tfjs's
 * tf.losses / tf.metrics (see ../tf/objectives.ts).
 */
export function lossAndMetric(
  loss: LossName,
  task: TaskSpec,
  p: Float32Array,
  t: Float32Array,
  rows: number,
  k: number,
  grad: Float32Array | null,
  meanOver = rows,
  /** Filled and returned, so a training loop can reuse one object rather than make one per batch. */
  into: { loss: number; metric: number } = { loss: 0, metric: 0 },
): { loss: number; metric: number } {
  let lossSum = 0;
  let metricSum = 0;
  // The element-wise losses average over every value; the cross-entropies over rows.
  const elementScale = 1 / (meanOver * k);
  for (let r = 0; r < rows; r++) {
    const o = r * k;
    switch (loss) {
      case 'mae':
        for (let j = o; j < o + k; j++) {
          const e = p[j]! - t[j]!;
          lossSum += Math.abs(e) / k;
          if (grad) grad[j] = Math.sign(e) * elementScale;
        }
        break;
      case 'mse':
        for (let j = o; j < o + k; j++) {
          const e = p[j]! - t[j]!;
          lossSum += (e * e) / k;
          if (grad) grad[j] = 2 * e * elementScale;
        }
        break;
      case 'huber':
        for (let j = o; j < o + k; j++) {
          const e = p[j]! - t[j]!;
          const a = Math.abs(e);
          lossSum += (a <= 1 ? 0.5 * a * a : a - 0.5) / k;
          if (grad) grad[j] = (a <= 1 ? e : Math.sign(e)) * elementScale;
        }
        break;
      case 'binaryCrossentropy':
        for (let j = o; j < o + k; j++) {
          const clipped = Math.min(Math.max(p[j]!, EPSILON), 1 - EPSILON);
          const y = t[j]!;
          lossSum += -(y * Math.log(clipped) + (1 - y) * Math.log(1 - clipped)) / k;
          if (grad) {
            const inside = p[j]! >= EPSILON && p[j]! <= 1 - EPSILON;
            grad[j] = inside ? (clipped - y) / (clipped * (1 - clipped) * k * meanOver) : 0;
          }
        }
        break;
      case 'categoricalCrossentropy': {
        let sum = 0;
        for (let j = o; j < o + k; j++) sum += p[j]!;
        // -Σ t·log(clip(p / Σp)), and its gradient through the normalisation.
        let weighted = 0;
        for (let j = o; j < o + k; j++) {
          const q = p[j]! / sum;
          const clipped = Math.min(Math.max(q, EPSILON), 1 - EPSILON);
          lossSum -= t[j]! * Math.log(clipped);
          if (grad) {
            const g = q >= EPSILON && q <= 1 - EPSILON ? -t[j]! / clipped : 0;
            grad[j] = g;
            weighted += g * q;
          }
        }
        if (grad) for (let j = o; j < o + k; j++) grad[j] = (grad[j]! - weighted) / (sum * meanOver);
        break;
      }
    }
    metricSum += rowMetric(task, p, t, o, k);
  }
  into.loss = lossSum;
  into.metric = metricSum;
  return into;
}

/** The metric of one row, as tfjs computes it: accuracy (0.5 threshold, or arg-max) or mean absolute error. */
function rowMetric(task: TaskSpec, p: Float32Array, t: Float32Array, o: number, k: number): number {
  switch (task.kind) {
    case 'regression': {
      let sum = 0;
      for (let j = o; j < o + k; j++) sum += Math.abs(p[j]! - t[j]!);
      return sum / k;
    }
    case 'binary': {
      let hits = 0;
      for (let j = o; j < o + k; j++) hits += (p[j]! > 0.5 ? 1 : 0) === t[j]! ? 1 : 0;
      return hits / k;
    }
    case 'multiclass': {
      let best = o;
      let truth = o;
      for (let j = o + 1; j < o + k; j++) {
        if (p[j]! > p[best]!) best = j;
        if (t[j]! > t[truth]!) truth = j;
      }
      return best === truth ? 1 : 0;
    }
  }
}
