import { splitSizes } from '../../data/split';
import { lossNames, losses, type LossName } from '../../model/losses';
import { optimizerNames, optimizers, type OptimizerName } from '../../model/optimizers';
import { scalingKinds, scalingLabels, type ScalingKind } from '../../model/preprocessing';
import { usePlayground } from '../../state';
import { SelectField } from '../common/SelectField';
import { SteppedSlider } from '../common/SteppedSlider';
import { batchSizes, epochCounts, formatPercent, formatRate, learningRates, testSplits, validationSplits } from './sliderSteps';

/** What `model.compile` and `model.fit` are given: optimizer, loss, learning rate, batch size, epochs, split. */
export function TrainingControls() {
  const config = usePlayground((state) => state.config);
  const numRows = usePlayground((state) => (state.dataset.status === 'ready' ? state.dataset.table.numRows : 0));
  const { setConfig, setLearningRate } = usePlayground.getState();
  const isSeries = usePlayground((state) => state.dataset.status === 'ready' && Boolean(state.dataset.table.series));
  const testSplit = config.testSplit ?? 0;
  const trainRows = numRows >= 2 ? Math.max(1, splitSizes(numRows, config.validationSplit, isSeries ? 0 : testSplit).train) : 1;
  return (
    <fieldset className="controls">
      <legend>Training</legend>
      <div className="selects selects-3">
        <SelectField
          label="Optimizer"
          value={config.optimizer}
          options={optimizerNames.map((name) => ({ value: name, label: optimizers[name].label }))}
          onChange={(optimizer: OptimizerName) => setConfig({ optimizer })}
        />
        <SelectField
          label="Loss"
          value={config.loss}
          options={lossNames.map((name) => ({ value: name, label: losses[name].label }))}
          onChange={(loss: LossName) => setConfig({ loss })}
        />
        <SelectField
          label="Scaling"
          value={config.scaling}
          options={scalingKinds.map((kind) => ({ value: kind, label: scalingLabels[kind] }))}
          onChange={(scaling: ScalingKind) => setConfig({ scaling })}
        />
      </div>
      <div className="slider-grid">
      <SteppedSlider
        label="Learning rate"
        values={learningRates}
        value={config.learningRate}
        format={formatRate}
        onChange={setLearningRate}
        hint="Step size of the optimizer. Takes effect at once, even during a run."
      />
      <SteppedSlider
        label="Batch size"
        values={batchSizes(trainRows)}
        value={config.batchSize}
        format={String}
        onChange={(batchSize) => setConfig({ batchSize })}
        hint={`Examples per gradient step, up to the ${trainRows} training rows.`}
      />
      <SteppedSlider
        label="Epochs"
        values={epochCounts}
        value={config.epochs}
        format={String}
        onChange={(epochs) => setConfig({ epochs })}
      />
      <SteppedSlider
        label="Validation split"
        values={validationSplits}
        value={config.validationSplit}
        format={formatPercent}
        onChange={(validationSplit) => setConfig({ validationSplit })}
        hint="Share of the rows held out to measure val_loss."
      />
      <SteppedSlider
        label="Test split"
        values={testSplits}
        value={testSplit}
        format={(value) => (value === 0 ? 'none' : formatPercent(value))}
        onChange={(next) => setConfig({ testSplit: next })}
        disabled={isSeries && testSplit === 0}
        hint={
          isSeries
            ? 'A time series has no test split: keep it at none.'
            : 'Share of the rows held out as a test set: never trained on or used for early stopping, measured once when the run ends.'
        }
      />
      </div>
    </fieldset>
  );
}
