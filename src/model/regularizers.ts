import type { Conv2DSpec, DenseSpec, KernelRegularizer, LayerSpec } from './layers';

/*
 * Keras's weight penalties on a layer's kernel (`kernel_regularizer`):
 * l1(λ) adds λ·Σ|w| to the loss, l2(λ) adds λ·Σw² (no ½), l1_l2 both. Keras 3
 * adds them to the loss it minimizes and logs, and to val_loss as well
 * (both come from compute_loss; checked with Keras 3.15, see
 * scripts/regularizationKeras.py). The bias is never penalized.
 */

/** The layers that can carry a kernel penalty. */
export type PenalizedLayer = DenseSpec | Conv2DSpec;

export const hasKernel = (layer: LayerSpec): layer is PenalizedLayer => layer.kind === 'dense' || layer.kind === 'conv2d';

/** The penalty's strengths, 0 where absent. */
export function penaltyOf(layer: LayerSpec): KernelRegularizer {
  return hasKernel(layer) && layer.kernelRegularizer ? layer.kernelRegularizer : { l1: 0, l2: 0 };
}

/** Whether a penalty adds anything. */
export const isPenalized = (regularizer: KernelRegularizer | undefined): boolean => !!regularizer && (regularizer.l1 > 0 || regularizer.l2 > 0);

/** λ1·Σ|w| + λ2·Σw² over the values of one kernel. */
export function kernelPenalty(values: ArrayLike<number>, { l1, l2 }: KernelRegularizer): number {
  let abs = 0;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const w = values[i]!;
    abs += Math.abs(w);
    squares += w * w;
  }
  return l1 * abs + l2 * squares;
}

/**
 * Adds the penalty's gradient, λ1·sign(w) + 2·λ2·w, into `grad`. At w = 0
 * exactly the sign is taken as −1, as tfjs differentiates |w| (Keras on jax
 * takes 0); the engines follow tfjs so that both train alike.
 */
export function addPenaltyGradient(values: Float32Array, grad: Float32Array, { l1, l2 }: KernelRegularizer): void {
  for (let i = 0; i < values.length; i++) {
    const w = values[i]!;
    grad[i] = grad[i]! + (w > 0 ? l1 : -l1) + 2 * l2 * w;
  }
}

/** The global "Regularization" select's choices, as TensorFlow Playground has them (it reads 'custom' when set per layer, see regularizationOf). */
export type RegularizationChoice = 'none' | 'l1' | 'l2';

/**
 * Indices of the layers the global select acts on: every Conv2D and every
 * Dense but the output (the last Dense), the hidden layers, as the Dropout
 * switch counts them.
 */
export function hiddenKernelIndices(layers: readonly LayerSpec[]): number[] {
  const dense = layers.flatMap((layer, i) => (layer.kind === 'dense' ? [i] : []));
  const output = dense[dense.length - 1];
  return layers.flatMap((layer, i) => (hasKernel(layer) && i !== output ? [i] : []));
}

/**
 * The select's state read back from the layers: 'none' when no hidden layer
 * has a penalty, 'l1' / 'l2' with the rate when every hidden layer has that
 * one alone at the same rate, 'custom' otherwise (set per layer).
 */
export function regularizationOf(layers: readonly LayerSpec[]): { choice: RegularizationChoice | 'custom'; rate: number | null } {
  const hidden = hiddenKernelIndices(layers).map((i) => penaltyOf(layers[i]!));
  if (hidden.every((penalty) => !isPenalized(penalty))) return { choice: 'none', rate: null };
  for (const kind of ['l1', 'l2'] as const) {
    const other = kind === 'l1' ? 'l2' : 'l1';
    const rate = hidden[0]![kind];
    if (rate > 0 && hidden.every((penalty) => penalty[kind] === rate && penalty[other] === 0)) return { choice: kind, rate };
  }
  return { choice: 'custom', rate: null };
}

/** The layers with the select's choice on every hidden layer (the output layer keeps its own). */
export function setRegularization(layers: readonly LayerSpec[], choice: RegularizationChoice, rate: number): LayerSpec[] {
  const hidden = new Set(hiddenKernelIndices(layers));
  return layers.map((layer, i) => {
    if (!hidden.has(i) || !hasKernel(layer)) return layer;
    const { kernelRegularizer: _old, ...rest } = layer;
    if (choice === 'none') return rest as LayerSpec;
    return { ...rest, kernelRegularizer: { l1: choice === 'l1' ? rate : 0, l2: choice === 'l2' ? rate : 0 } } as LayerSpec;
  });
}

/** Whether any layer of the stack penalizes its weights, and with what: "L2", "L1", "L1 and L2". */
export function penaltyName(layers: readonly LayerSpec[]): string | null {
  const any = (key: 'l1' | 'l2') => layers.some((layer) => penaltyOf(layer)[key] > 0);
  const names = [any('l1') ? 'L1' : null, any('l2') ? 'L2' : null].filter((name) => name !== null);
  return names.length === 0 ? null : names.join(' and ');
}

const pyNumber = (value: number): string => (Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(8))));

/** The Keras argument, as the course would write it: `keras.regularizers.l2(0.01)`; null when there is none. */
export function regularizerCode(regularizer: KernelRegularizer | undefined): string | null {
  if (!isPenalized(regularizer)) return null;
  const { l1, l2 } = regularizer!;
  if (l1 > 0 && l2 > 0) return `keras.regularizers.l1_l2(l1=${pyNumber(l1)}, l2=${pyNumber(l2)})`;
  return l1 > 0 ? `keras.regularizers.l1(${pyNumber(l1)})` : `keras.regularizers.l2(${pyNumber(l2)})`;
}

/** `, kernel_regularizer=keras.regularizers.l2(0.01)` for a layer's Keras call, or nothing without a penalty. */
export function penaltyArg(regularizer: KernelRegularizer | undefined): string {
  const code = regularizerCode(regularizer);
  return code ? `, kernel_regularizer=${code}` : '';
}

/** Largest strength the playground accepts (beyond it every weight is crushed to 0 at once). */
export const MAX_PENALTY = 10;

/** What is wrong with a layer's penalty, in plain words; empty when fine. */
export function penaltyProblems(regularizer: KernelRegularizer | undefined): string[] {
  if (!regularizer) return [];
  return (['l1', 'l2'] as const).flatMap((key) => {
    const value = regularizer[key];
    return Number.isFinite(value) && value >= 0 && value <= MAX_PENALTY
      ? []
      : [`The ${key.toUpperCase()} penalty must be a number from 0 to ${MAX_PENALTY} (it is ${value}).`];
  });
}

/** ", L2 0.01" for a layer's one-line description; nothing without a penalty. */
export function penaltySuffix(regularizer: KernelRegularizer | undefined): string {
  if (!isPenalized(regularizer)) return '';
  const parts = (['l1', 'l2'] as const).filter((key) => regularizer![key] > 0).map((key) => `${key.toUpperCase()} ${pyNumber(regularizer![key])}`);
  return `, ${parts.join(' + ')}`;
}

/**
 * A `kernel_regularizer` of a Keras or tfjs topology: tfjs writes
 * `{class_name: 'L1L2', config: {l1, l2}}`, Keras 3 `L1`, `L2` or `L1L2`
 * (possibly with a `module`). Null means none; a string says what is wrong.
 */
export function readTopologyRegularizer(value: unknown): KernelRegularizer | null | string {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return `a kernel_regularizer the playground cannot read (${JSON.stringify(value)}).`;
  const { class_name: className, config } = value as { class_name?: unknown; config?: unknown };
  const fields = (typeof config === 'object' && config !== null ? config : {}) as Record<string, unknown>;
  const strength = (key: 'l1' | 'l2'): number | string => {
    const raw = fields[key] ?? 0;
    return typeof raw === 'number' && raw >= 0 && raw <= MAX_PENALTY ? raw : `a kernel_regularizer whose ${key} is ${JSON.stringify(raw)} (it must be from 0 to ${MAX_PENALTY}).`;
  };
  if (className !== 'L1L2' && className !== 'L1' && className !== 'L2') return `a ${JSON.stringify(className)} kernel_regularizer; the playground knows L1, L2 and L1L2.`;
  const l1 = className === 'L2' ? 0 : strength('l1');
  const l2 = className === 'L1' ? 0 : strength('l2');
  if (typeof l1 === 'string') return l1;
  if (typeof l2 === 'string') return l2;
  return l1 > 0 || l2 > 0 ? { l1, l2 } : null;
}

/**
 * A topology with every layer's Keras 3 `L1` / `L2` kernel_regularizer
 * written as the `L1L2` tfjs knows (tfjs 4.22 has no L1 or L2 class and
 * refuses a model that names one), the strengths unchanged. Anything else is
 * left as it is; the input is not changed.
 */
export function tfjsRegularizers<T>(topology: T): T {
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value !== 'object' || value === null) return value;
    const entries = Object.entries(value as Record<string, unknown>).map(([key, inner]) => {
      if (key === 'kernel_regularizer' && inner && typeof inner === 'object' && !Array.isArray(inner)) {
        const read = readTopologyRegularizer(inner);
        const className = (inner as { class_name?: unknown }).class_name;
        if ((className === 'L1' || className === 'L2') && read !== null && typeof read !== 'string') return [key, { class_name: 'L1L2', config: { l1: read.l1, l2: read.l2 } }];
      }
      return [key, rewrite(inner)];
    });
    return Object.fromEntries(entries);
  };
  return rewrite(topology) as T;
}
