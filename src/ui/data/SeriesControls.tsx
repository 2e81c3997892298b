import { usePlayground } from '../../state';
import { SteppedSlider } from '../common/SteppedSlider';

const windows = [2, 3, 5, 8, 10, 12, 15, 20, 24, 30, 40, 50, 60];
const horizons = [1, 2, 3, 4, 5, 6, 8, 10, 12];

const steps = (n: number): string => `${n} step${n === 1 ? '' : 's'}`;

/**
 * "Window" (steps of history per example) and "Horizon" (steps ahead to
 * predict) of a time series, and "Shuffle time", the split lesson 14 warns
 * against; shown only for series.
 */
export function SeriesControls() {
  const series = usePlayground((state) => (state.dataset.status === 'ready' ? state.dataset.table.series : undefined));
  const shuffled = usePlayground((state) => state.config.seriesSplit === 'shuffled');
  const { setSeriesWindow, setConfig } = usePlayground.getState();
  if (!series) return null;
  return (
    <fieldset className="controls">
      <legend>Windows</legend>
      <div className="slider-grid">
        <SteppedSlider
          label="Window"
          values={windows}
          value={series.window}
          format={steps}
          onChange={(window) => setSeriesWindow({ window })}
          hint="Steps of history the model sees in one example."
        />
        <SteppedSlider
          label="Horizon"
          values={horizons}
          value={series.horizon}
          format={(n) => (n === 1 ? 'next step' : `${steps(n)} ahead`)}
          onChange={(horizon) => setSeriesWindow({ horizon })}
          hint="How far after the window's last step the predicted value lies. The validation part is the end of the series."
        />
      </div>
      <label className="check">
        <input type="checkbox" checked={shuffled} onChange={(event) => setConfig({ seriesSplit: event.target.checked ? 'shuffled' : 'chronological' })} />
        Shuffle time
      </label>
      <p className="hint">
        {shuffled
          ? 'Validation windows are drawn at random from before the last part of the series, as one would split a table; the last part is held out as the future. Lesson 14 shows why this flatters val_loss.'
          : 'Validation is the end of the series, which no training window reaches: the model is judged on forecasting the future.'}
      </p>
    </fieldset>
  );
}
