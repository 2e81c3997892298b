/** Upper bounds that keep a browser tab responsive; checked before training starts. */
export const limits = {
  maxUnits: 4096,
  maxLayers: 64,
  maxEpochs: 10_000,
  maxParams: 5_000_000,
} as const;
