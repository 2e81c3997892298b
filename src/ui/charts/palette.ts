/**
 * Colours from the Okabe–Ito palette, safe for the common colour-vision
 * deficiencies. Each means one thing everywhere: training is blue and solid,
 * validation is orange and dashed.
 */
export const palette = {
  train: '#0072B2',
  validation: '#E69F00',
  best: '#009E73',
  stop: '#CC79A7',
  learningRate: '#56B4E9',
  overfit: '#D55E00',
  positive: '#0072B2',
  negative: '#D55E00',
} as const;

/** Dash pattern of validation lines, so the two curves differ without colour too. */
export const validationDash = '6 3';
