import { hiddenDenseIndices, isToggleOn } from '../../model/toggles';
import { usePlayground } from '../../state';
import { NumberField } from '../common/NumberField';
import { SteppedSlider } from '../common/SteppedSlider';
import { dropoutRates, formatPercent } from './sliderSteps';

/** The global Dropout and Batch normalization switches, and Keras's EarlyStopping. */
export function RegularizationControls() {
  const layers = usePlayground((state) => state.layers);
  const dropoutRate = usePlayground((state) => state.dropoutRate);
  const early = usePlayground((state) => state.config.earlyStopping);
  const { setToggle, setDropoutRate, setEarlyStopping } = usePlayground.getState();
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
      <div className="checks">
        <label className="check">
          <input
            type="checkbox"
            checked={early.enabled}
            onChange={(event) => setEarlyStopping({ enabled: event.target.checked })}
          />
          Early stopping
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={early.restoreBestWeights}
            disabled={!early.enabled}
            onChange={(event) => setEarlyStopping({ restoreBestWeights: event.target.checked })}
          />
          Restore best weights
        </label>
      </div>
      <div className="fields">
        <NumberField
          label="Patience"
          value={early.patience}
          min={0}
          step={1}
          disabled={!early.enabled}
          onChange={(patience) => setEarlyStopping({ patience })}
        />
        <NumberField
          label="Min delta"
          value={early.minDelta}
          min={0}
          step="any"
          disabled={!early.enabled}
          onChange={(minDelta) => setEarlyStopping({ minDelta })}
        />
      </div>
      {early.enabled && (
        <p className="hint early-hint">
          Stops when val_loss has not fallen by more than {early.minDelta} for {early.patience} epochs
          {early.restoreBestWeights ? ', then puts back the best epoch’s weights' : ''}.
        </p>
      )}
    </fieldset>
  );
}
