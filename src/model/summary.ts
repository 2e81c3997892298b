import { kindOf, type ParamCount } from './layerKinds';
import type { LayerSpec, Shape } from './layers';

/** One row of the model summary, as Keras's `model.summary()` prints it. */
export interface SummaryRow {
  layer: LayerSpec;
  /** Keras-style automatic name: dense, dense_1, dropout, ... */
  name: string;
  kerasClass: string;
  /** Output shape without the batch axis. */
  outputShape: Shape;
  params: ParamCount;
}

export interface ModelSummary {
  rows: SummaryRow[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
  outputShape: Shape;
  /** Set when a layer cannot take the shape that reaches it; rows stop before it. */
  shapeError: { layerIndex: number; message: string } | null;
}

/** Infers every layer's output shape and weight count from the input shape. */
export function summarize(inputShape: Shape, layers: readonly LayerSpec[]): ModelSummary {
  const rows: SummaryRow[] = [];
  const seen = new Map<string, number>();
  let shape: Shape = inputShape;
  let shapeError: ModelSummary['shapeError'] = null;
  for (const [index, layer] of layers.entries()) {
    const kind = kindOf(layer);
    const out = kind.outputShape(layer, shape);
    if (typeof out === 'string') {
      shapeError = { layerIndex: index, message: out };
      break;
    }
    const count = seen.get(kind.kerasName) ?? 0;
    seen.set(kind.kerasName, count + 1);
    rows.push({
      layer,
      name: count === 0 ? kind.kerasName : `${kind.kerasName}_${count}`,
      kerasClass: kind.kerasClass,
      outputShape: out,
      params: kind.params(layer, shape),
    });
    shape = out;
  }
  const trainableParams = rows.reduce((sum, row) => sum + row.params.trainable, 0);
  const nonTrainableParams = rows.reduce((sum, row) => sum + row.params.nonTrainable, 0);
  return {
    rows,
    totalParams: trainableParams + nonTrainableParams,
    trainableParams,
    nonTrainableParams,
    outputShape: shape,
    shapeError,
  };
}

/** Keras prints shapes with the batch axis as None: `(None, 64)`. */
export function formatShape(shape: Shape): string {
  return `(None, ${shape.join(', ')})`;
}
