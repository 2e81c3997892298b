import { hiddenDenseIndices, isToggleOn } from '../../model/toggles';
import { usePlayground } from '../../state';
import { SteppedSlider } from '../common/SteppedSlider';
import { EarlyStoppingControls } from './EarlyStoppingControls';
import { PenaltyControls } from './PenaltyControls';
import { dropoutRates, formatPercent } from './sliderSteps';

/** The global Dropout and Batch normalization switches, the weight penalty, and Keras's EarlyStopping. */
export function RegularizationControls() {
  const layers = usePlayground((state) => state.layers);
  const dropoutRate = usePlayground((state) => state.dropoutRate);
  const { setToggle, setDropoutRate } = usePlayground.getState();
  const noHidden = hiddenDenseIndices(layers).length === 0;
  const hiddenHint = noHidden ? 'Add a hidden Dense layer first: the switch acts after every hidden Dense layer.' : undefined;
  return (
    <fieldset className="controls">
      <legend>Regularization</legend>
      <div className="checks" title={hiddenHint}>
        <label className="check">
          <input
            type="checkbox"
            checked={isToggleOn(layers, 'dropout')}
            disabled={noHidden}
            onChange={(event) => setToggle('dropout', event.target.checked)}
          />
          Dropout
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={isToggleOn(layers, 'batchNormalization')}
            disabled={noHidden}
            onChange={(event) => setToggle('batchNormalization', event.target.checked)}
          />
          Batch normalization
        </label>
      </div>
      <SteppedSlider
        label="Dropout rate"
        values={dropoutRates}
        value={dropoutRate}
        format={formatPercent}
        onChange={setDropoutRate}
        hint="Share of inputs a Dropout layer zeroes while training; sets every Dropout layer."
      />
      <PenaltyControls />
      <EarlyStoppingControls />
    </fieldset>
  );
}
