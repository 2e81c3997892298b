import { SGD_MOMENTUM, type OptimizerName } from '../../model/optimizers';
import { ADAM_EPSILON, scalarKernels, type Kernels } from './kernels';
import type { Param } from './stages';

/** The epsilon createOptimizer gives tfjs (Keras's), and tfjs's backend epsilon for Adagrad. */
const EPSILON = ADAM_EPSILON;

/** Arrays of state each optimizer keeps per weight tensor (FusedNet.floatsNeeded makes room for them). */
export const OPTIMIZER_SLOTS: Record<OptimizerName, number> = { sgd: 0, momentum: 1, adam: 2, adamax: 2, rmsprop: 1, adagrad: 1, adadelta: 2 };

/** Updates params from their grads in place; one call per batch. */
export interface FusedOptimizer {
  learningRate: number;
  step(params: readonly Param[]): void;
}

/** Per-param state arrays, made on first use like tfjs's accumulators, in the kernels' memory. */
function slots(count: number, fill: number, alloc: (length: number) => Float32Array): (params: readonly Param[], index: number) => Float32Array[] {
  const state: Float32Array[][] = [];
  return (params, index) => {
    state[index] ??= Array.from({ length: count }, () => alloc(params[index]!.value.length).fill(fill));
    return state[index];
  };
}

/**
 * The update rules of tfjs 4.22's optimizers with the settings
 * createOptimizer gives them, element by element (including tfjs's
 * AdaDelta, which scales by the accumulated gradient from before this step).
 * The state lives in `math`'s memory (OPTIMIZER_SLOTS arrays per weight
 * tensor), where Adam's update runs as a kernel (on WebAssembly SIMD, in
 * float64 pairs: bit for bit the scalar loop).
 */
export function createFusedOptimizer(name: OptimizerName, learningRate: number, math: Pick<Kernels, 'alloc' | 'adam'> = scalarKernels()): FusedOptimizer {
  let iteration = 0;
  const each = (update: (value: Float32Array, grad: Float32Array, state: Float32Array[], lr: number) => void, count: number, fill = 0): FusedOptimizer => {
    const stateOf = slots(count, fill, (length) => math.alloc(length));
    const optimizer: FusedOptimizer = {
      learningRate,
      step(params) {
        iteration++;
        // A loop, not forEach: no closure made at every step.
        for (let index = 0; index < params.length; index++) update(params[index]!.value, params[index]!.grad, stateOf(params, index), optimizer.learningRate);
      },
    };
    return optimizer;
  };
  switch (name) {
    case 'sgd':
      return each((v, g, _s, lr) => {
        for (let i = 0; i < v.length; i++) v[i] = v[i]! - (lr * g[i]!);
      }, 0);
    case 'momentum':
      return each((v, g, [a], lr) => {
        for (let i = 0; i < v.length; i++) {
          a![i] = SGD_MOMENTUM * a![i]! + g[i]!;
          v[i] = v[i]! - (lr * a![i]!);
        }
      }, 1);
    case 'adam':
      return each((v, g, [m, s], lr) => math.adam(v, g, m!, s!, lr, 1 - 0.9 ** iteration, 1 - 0.999 ** iteration), 2);
    case 'adamax':
      return each((v, g, [m, u], lr) => {
        const c1 = 1 - 0.9 ** iteration;
        for (let i = 0; i < v.length; i++) {
          m![i] = 0.9 * m![i]! + 0.1 * g[i]!;
          u![i] = Math.max(0.999 * u![i]!, Math.abs(g[i]!));
          v[i] = v[i]! - ((lr / c1) * (m![i]! / (u![i]! + EPSILON)));
        }
      }, 2);
    case 'rmsprop':
      return each((v, g, [s], lr) => {
        for (let i = 0; i < v.length; i++) {
          s![i] = 0.9 * s![i]! + 0.1 * g[i]! * g[i]!;
          v[i] = v[i]! - ((lr * g[i]!) / Math.sqrt(s![i]! + EPSILON));
        }
      }, 1);
    case 'adagrad':
      return each((v, g, [a], lr) => {
        for (let i = 0; i < v.length; i++) {
          a![i] = a![i]! + (g[i]! * g[i]!);
          v[i] = v[i]! - ((lr * g[i]!) / Math.sqrt(a![i]! + EPSILON));
        }
      }, 1, 0.1);
    case 'adadelta':
      return each((v, g, [accGrad, accUpdate], lr) => {
        for (let i = 0; i < v.length; i++) {
          const update = (Math.sqrt(accUpdate![i]! + EPSILON) / Math.sqrt(accGrad![i]! + EPSILON)) * g[i]!;
          accGrad![i] = 0.95 * accGrad![i]! + 0.05 * g[i]! * g[i]!;
          accUpdate![i] = 0.95 * accUpdate![i]! + 0.05 * update * update;
          v[i] = v[i]! - (lr * update);
        }
      }, 2);
  }
}
