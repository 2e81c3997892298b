/**
 * Activation functions a layer can apply, keyed by their Keras/tfjs identifier.
 * `range` is the set of values the function can output, which decides what a
 * layer with it can be used for (a sigmoid output is a probability, a relu
 * output is never negative, and so on).
 */
export interface ActivationInfo {
  /** Name as a person reads it. */
  label: string;
  /** The function in one line, for tooltips and lessons. */
  formula: string;
  /** Output range, used to check that the output layer suits the loss. */
  range: 'unbounded' | 'nonNegative' | 'probability' | 'symmetricUnit' | 'distribution';
}

export const activations = {
  relu: { label: 'ReLU', formula: 'max(0, x)', range: 'nonNegative' },
  elu: { label: 'ELU', formula: 'x if x > 0, else eˣ − 1', range: 'unbounded' },
  selu: { label: 'SELU', formula: 'λ·(x if x > 0, else α·(eˣ − 1))', range: 'unbounded' },
  swish: { label: 'Swish', formula: 'x · sigmoid(x)', range: 'unbounded' },
  sigmoid: { label: 'Sigmoid', formula: '1 / (1 + e⁻ˣ)', range: 'probability' },
  tanh: { label: 'Tanh', formula: '(eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)', range: 'symmetricUnit' },
  linear: { label: 'Linear (none)', formula: 'x', range: 'unbounded' },
  softmax: { label: 'Softmax', formula: 'eˣⁱ / Σⱼ eˣʲ', range: 'distribution' },
} as const satisfies Record<string, ActivationInfo>;

export type ActivationName = keyof typeof activations;

export const activationNames = Object.keys(activations) as ActivationName[];

export function isActivationName(value: string): value is ActivationName {
  return Object.hasOwn(activations, value);
}
