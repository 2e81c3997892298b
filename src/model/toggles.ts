import type { LayerSpec } from './layers';

/**
 * The global "Dropout" and "Batch normalization" switches. Each hidden Dense
 * layer (every Dense but the last) owns the run of Dropout and
 * BatchNormalization layers right after it, in the course's order:
 * Dense → Dropout → BatchNormalization. A switch is on when every hidden
 * Dense layer has that layer in its run; turning it on adds the layer where
 * it is missing, turning it off removes it from every run. Both are
 * idempotent, and the switches' state is read back from the list, so the
 * list and the switches cannot disagree.
 */
type Regularizer = 'dropout' | 'batchNormalization';

const isRegularizer = (layer: LayerSpec): boolean => layer.kind === 'dropout' || layer.kind === 'batchNormalization';

/** Indices of the Dense layers that are not the output (the last Dense). */
export function hiddenDenseIndices(layers: readonly LayerSpec[]): number[] {
  const dense = layers.flatMap((layer, i) => (layer.kind === 'dense' ? [i] : []));
  return dense.slice(0, -1);
}

/** The regularizer layers following the Dense layer at `index`. */
function runAfter(layers: readonly LayerSpec[], index: number): LayerSpec[] {
  const run: LayerSpec[] = [];
  for (let i = index + 1; i < layers.length && isRegularizer(layers[i]!); i++) run.push(layers[i]!);
  return run;
}

/** Whether every hidden Dense layer is followed by a layer of this kind (false when there are none). */
export function isToggleOn(layers: readonly LayerSpec[], kind: Regularizer): boolean {
  const hidden = hiddenDenseIndices(layers);
  return hidden.length > 0 && hidden.every((i) => runAfter(layers, i).some((layer) => layer.kind === kind));
}

let nextId = 0;
/** A fresh id for a layer the editor creates. */
export function newLayerId(): string {
  nextId += 1;
  return `layer-${Date.now().toString(36)}-${nextId}`;
}

/**
 * The layers with the switch on or off. `rate` is used for Dropout layers
 * this adds; existing ones keep theirs.
 */
export function setToggle(layers: readonly LayerSpec[], kind: Regularizer, on: boolean, rate = 0.3): LayerSpec[] {
  const hidden = new Set(hiddenDenseIndices(layers));
  const out: LayerSpec[] = [];
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i]!;
    out.push(layer);
    if (!hidden.has(i)) continue;
    const run = runAfter(layers, i);
    i += run.length;
    const kept = on ? run : run.filter((item) => item.kind !== kind);
    const has = kept.some((item) => item.kind === kind);
    if (on && !has) {
      const added: LayerSpec =
        kind === 'dropout' ? { id: newLayerId(), kind: 'dropout', rate } : { id: newLayerId(), kind: 'batchNormalization' };
      // Dropout goes first in the run, batch normalization last.
      if (kind === 'dropout') out.push(added, ...kept);
      else out.push(...kept, added);
    } else {
      out.push(...kept);
    }
  }
  return out;
}

/** Sets the rate of every Dropout layer. */
export function setDropoutRates(layers: readonly LayerSpec[], rate: number): LayerSpec[] {
  return layers.map((layer) => (layer.kind === 'dropout' ? { ...layer, rate } : layer));
}
