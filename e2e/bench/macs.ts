import { canFuse, compile } from '../../src/engine/fused/stages';
import type { LayerSpec, Shape } from '../../src/model/layers';

/**
 * Multiply-adds of a workload's epoch in its dense products (dense layers,
 * and convolutions as im2col products): each training row's forward pass,
 * weight gradient and input gradient (none for the first layer), and each
 * validation row's forward pass. NaN for models the JavaScript engine cannot
 * run (recurrent layers), whose arithmetic is counted elsewhere.
 */
export function macsPerEpoch(inputShape: Shape, layers: readonly LayerSpec[], numTrain: number, numVal: number): number {
  if (!canFuse(inputShape, layers)) return Number.NaN;
  const products = compile(inputShape, layers, 1).flatMap((stage) => {
    if (stage.kind === 'dense') return [stage.inSize * stage.size];
    if (stage.kind === 'conv2d') return [stage.outH * stage.outW * stage.kernelSize * stage.kernelSize * stage.inC * stage.filters];
    return [];
  });
  const forward = products.reduce((a, b) => a + b, 0);
  const training = 3 * forward - (products[0] ?? 0);
  return numTrain * training + numVal * forward;
}
