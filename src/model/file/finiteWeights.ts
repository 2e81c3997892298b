/** A weight's entry as the model file lists it: its name and shape. */
interface NamedShape {
  name: string;
  shape: readonly number[];
}

/**
 * The layer and weight a tfjs weight name stands for: `dense_1/kernel` is
 * weight `kernel` of layer `dense_1`; names with more slashes keep all but
 * the last part as the layer (`sequential/dense_1/kernel`).
 */
function layerAndWeight(name: string, index: number): { layer: string; weight: string } {
  const cut = name.lastIndexOf('/');
  if (cut <= 0) return { layer: `number ${index + 1} in the file`, weight: name || '(unnamed)' };
  return { layer: name.slice(0, cut), weight: name.slice(cut + 1) || '(unnamed)' };
}

/**
 * Why the weights cannot be used, when any of them is NaN or ±Infinity;
 * null when every value is a finite number. A model with such a weight
 * predicts NaN for every input and cannot train back to numbers, so it is
 * refused by name rather than shown as a run whose loss is NaN.
 *
 * `data` holds the float32 values of `specs` one after another, little-endian,
 * as tfjs writes them; its length has been checked against the shapes.
 */
export function nonFiniteWeights(specs: readonly NamedShape[], data: ArrayBuffer): string | null {
  const view = new DataView(data);
  let offset = 0;
  for (const [index, spec] of specs.entries()) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    let nan = 0;
    let positive = 0;
    let negative = 0;
    for (let i = 0; i < size; i++, offset += 4) {
      const value = view.getFloat32(offset, true);
      if (Number.isFinite(value)) continue;
      if (Number.isNaN(value)) nan++;
      else if (value > 0) positive++;
      else negative++;
    }
    const bad = nan + positive + negative;
    if (bad === 0) continue;
    const kinds = [
      ...(nan > 0 ? ['NaN'] : []),
      ...(positive > 0 ? ['Infinity'] : []),
      ...(negative > 0 ? ['-Infinity'] : []),
    ];
    const { layer, weight } = layerAndWeight(spec.name, index);
    const values = `${bad.toLocaleString('en-US')} of ${size.toLocaleString('en-US')} value${size === 1 ? '' : 's'}`;
    const verb = bad === 1 ? 'is not a finite number' : 'are not finite numbers';
    return `Layer ${layer}, weight ${weight}: ${values} ${verb} (${kinds.join(', ')}). A model with such weights predicts nothing but NaN; export it again from a run that did not diverge.`;
  }
  return null;
}
