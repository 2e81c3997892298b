/**
 * How features are rescaled before training, with statistics of the
 * training rows only: standardized to mean 0 and standard deviation 1,
 * mapped to 0–1 by their minimum and maximum, or left alone.
 */
export type ScalingKind = 'standard' | 'minmax' | 'none';

export const scalingKinds: readonly ScalingKind[] = ['standard', 'minmax', 'none'];

export const scalingLabels: Record<ScalingKind, string> = {
  standard: 'Standardize',
  minmax: 'Min–max to 0–1',
  none: 'None',
};
