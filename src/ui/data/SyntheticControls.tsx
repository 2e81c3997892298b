import { usePlayground } from '../../state';
import { NumberField } from '../common/NumberField';
import { SteppedSlider } from '../common/SteppedSlider';
import { InputFeatures } from './InputFeatures';

const noiseLevels = Array.from({ length: 21 }, (_, i) => i / 10);
const pointCounts = [50, 100, 200, 300, 500, 750, 1000, 1500, 2000];

/** Noise, number of points and seed of a 2-D set, "Regenerate" for fresh points, and its input features. */
export function SyntheticControls() {
  const options = usePlayground((state) => state.synthetic);
  const { setSyntheticOptions, regenerate } = usePlayground.getState();
  if (!options) return null;
  return (
    <>
      <fieldset className="controls">
        <legend>Points</legend>
        <div className="slider-grid">
          <SteppedSlider
            label="Noise"
            values={noiseLevels}
            value={options.noise}
            format={(v) => v.toFixed(1)}
            onChange={(noise) => setSyntheticOptions({ noise })}
            hint="Standard deviation of the jitter added to each point."
          />
          <SteppedSlider
            label="Points"
            values={pointCounts}
            value={options.numPoints}
            format={String}
            onChange={(numPoints) => setSyntheticOptions({ numPoints })}
          />
        </div>
        <div className="fields">
          <NumberField label="Seed" value={options.seed} min={0} step={1} onChange={(seed) => setSyntheticOptions({ seed: Math.trunc(seed) })} />
          <button type="button" onClick={regenerate}>
            Regenerate
          </button>
        </div>
      </fieldset>
      <InputFeatures />
    </>
  );
}
