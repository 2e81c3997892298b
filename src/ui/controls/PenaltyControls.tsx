import { hiddenKernelIndices, regularizationOf, type RegularizationChoice } from '../../model/regularizers';
import { usePlayground } from '../../state';
import { SteppedSlider } from '../common/SteppedSlider';
import { formatRate } from './sliderSteps';

/** TensorFlow Playground's regularization rates, with two smaller steps that Keras code often uses. */
export const penaltyRates: readonly number[] = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/**
 * TensorFlow Playground's "Regularization" select (None, L1, L2) and its
 * "Regularization rate": a Keras kernel_regularizer on every hidden Dense and
 * Conv2D layer at once. Its state is read back from the layers, so a penalty
 * set on one layer shows here as "Per layer".
 */
export function PenaltyControls() {
  const layers = usePlayground((state) => state.layers);
  const storedRate = usePlayground((state) => state.regularizationRate);
  const { setRegularization, setRegularizationRate } = usePlayground.getState();
  const { choice, rate } = regularizationOf(layers);
  const noHidden = hiddenKernelIndices(layers).length === 0;
  return (
    <>
      <label className="inline" title={noHidden ? 'Add a hidden Dense layer first: the penalty acts on every hidden layer’s weights.' : undefined}>
        Regularization
        <select value={choice} disabled={noHidden} onChange={(event) => setRegularization(event.target.value as RegularizationChoice)}>
          <option value="none">None</option>
          <option value="l1">L1</option>
          <option value="l2">L2</option>
          {choice === 'custom' && (
            <option value="custom" disabled>
              Per layer
            </option>
          )}
        </select>
      </label>
      <SteppedSlider
        label="Regularization rate"
        values={penaltyRates}
        value={rate ?? storedRate}
        format={formatRate}
        onChange={setRegularizationRate}
        hint="λ of the weight penalty added to the loss: L1 adds λ·Σ|w|, L2 adds λ·Σw² over every hidden layer's kernel (Keras's kernel_regularizer)."
      />
    </>
  );
}
