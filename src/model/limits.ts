/** Upper bounds that keep a browser tab responsive; checked before training starts. */
export const limits = {
  maxUnits: 4096,
  /** Recurrent layers run one step after another, so far fewer units keep a tab responsive. */
  maxRecurrentUnits: 512,
  maxLayers: 64,
  maxEpochs: 10_000,
  maxParams: 5_000_000,
  /** Larger steps than this only diverge; the slider stops at 1. */
  maxLearningRate: 10,
  /** No table has more rows than this (an uploaded CSV stops at 100,000), so no batch can be larger. */
  maxBatchSize: 100_000,
} as const;

/**
 * The largest model whose weights are sent to the page every epoch for the
 * weights view: big enough for the course's CNN on digits (13,706 weights).
 */
export const WEIGHT_VIEW_LIMIT = 20_000;
