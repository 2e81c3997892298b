import { useEffect, useMemo } from 'react';
import { describeErrors, forecastLines } from '../../data/forecast';
import { prepareSeries } from '../../data/series';
import { splitChoiceOf } from '../../data/seriesSplit';
import type { Table } from '../../data/table';
import { usePlayground } from '../../state';
import { CurveChart, type Curve, type Marker } from '../charts/plot/CurveChart';

const colours = { series: '#334155', train: '#2563eb', validation: '#16a34a', shuffled: '#ca8a04', rollOut: '#dc2626', naive: '#a855f7' };

/** Points of a line at the table rows given (x is the step, counted from 1). */
const at = (rows: ArrayLike<number>, values: ArrayLike<number>): [number, number][] =>
  Array.from({ length: Math.min(rows.length, values.length) }, (_, i) => [rows[i]! + 1, values[i]!]);

/**
 * The Forecast figure of a time series: the series, the model's one-step
 * predictions over the training and validation stretches, the model fed back
 * on its own predictions from the start of the validation stretch, and the
 * naive forecast ("the next value equals the last one"), with the three
 * validation MAEs as text, so a learner sees whether the network beats the
 * naive forecast, and how errors pile up once it feeds on itself.
 */
export function ForecastView({ table }: { table: Table }) {
  useEffect(() => usePlayground.getState().watchProbe('forecast'), []);
  const forecast = usePlayground((state) => state.run.forecast);
  const config = usePlayground((state) => state.run.setup?.config ?? null);
  // The run's windows, rebuilt from the table as the run built them (same split and scaling).
  const prepared = useMemo(() => {
    if (!config || !table.series) return null;
    try {
      return prepareSeries(table, config.validationSplit, config.scaling, splitChoiceOf(config));
    } catch {
      return null;
    }
  }, [table, config]);
  const view = useMemo(() => {
    if (!prepared || !config || !forecast) return null;
    const { result } = forecast;
    // A probe from before a dataset or window change does not pair with this table's rows.
    if (result.train.length !== prepared.numTrain || result.validation.length !== prepared.numVal) return null;
    if (prepared.shuffled !== Boolean(result.future) || (result.future && result.future.length !== prepared.futureRows.length)) return null;
    const lines = forecastLines(table, prepared, result);
    const curves: Curve[] = [
      { id: 'series', name: table.targetName, points: at(Array.from(table.targets.keys()), table.targets), color: colours.series, width: 1.5 },
      { id: 'naive', name: 'naive forecast', points: at(prepared.futureRows, lines.naive), color: colours.naive, dash: '2 3', width: 1.5 },
      { id: 'train', name: 'one step ahead (training)', points: at(prepared.trainRows, lines.train), color: colours.train, width: 1.5, opacity: 0.8 },
      ...(prepared.shuffled
        ? [
            { id: 'validation', name: 'one step ahead (shuffled validation)', points: at(prepared.validationRows, lines.validation), color: colours.shuffled, width: 1.5 },
            { id: 'future', name: 'one step ahead (future)', points: at(prepared.futureRows, lines.future), color: colours.validation, width: 2 },
          ]
        : [{ id: 'validation', name: 'one step ahead (validation)', points: at(prepared.validationRows, lines.validation), color: colours.validation, width: 2 }]),
      ...(lines.rollOut
        ? [{ id: 'rollOut', name: 'fed back on its own predictions', points: at(prepared.futureRows, lines.rollOut), color: colours.rollOut, dash: '6 3', width: 2 }]
        : []),
    ];
    return { curves, errors: lines.errors };
  }, [prepared, config, forecast, table]);
  const split = prepared?.seriesSplit.split ?? 0;
  const shuffled = prepared?.shuffled ?? false;
  const markers: Marker[] = useMemo(
    () => (split > 0 ? [{ kind: 'area', id: 'validation', from: split + 1, to: table.numRows, color: '#16a34a', label: shuffled ? 'future (held out)' : 'validation' }] : []),
    [split, table.numRows, shuffled],
  );
  const horizon = table.series?.horizon ?? 1;
  return (
    <figure className="chart forecast" aria-label="Forecast">
      <div className="chart-head">
        <figcaption>Forecast</figcaption>
      </div>
      {view ? (
        <>
          <CurveChart title="Forecast" curves={view.curves} markers={markers} lastEpoch={table.numRows} yLabel={table.targetName} height={220} xLabel="step" fromZero={false} />
          <p className="forecast-errors">{describeErrors(view.errors)}.</p>
          <p className="hint">
            {view.errors.oneStep < view.errors.naive
              ? `One step ahead, the model beats the naive forecast on ${shuffled ? 'the future' : 'validation'}.`
              : `One step ahead, the model does not yet beat the naive forecast on ${shuffled ? 'the future' : 'validation'}.`}
            {view.errors.rollOut === null && ' No forecast fed back on itself: the inputs are not the predicted column alone.'}
          </p>
          {view.errors.shuffledValidation !== null && (
            <p className="hint">
              {view.errors.shuffledValidation < view.errors.oneStep
                ? 'The shuffled validation windows flatter the model: each sits between training windows that overlap it, so it is judged on steps it has nearly seen. Its error on the future is the honest one.'
                : 'Here the shuffled validation windows do not flatter the model (yet): compare again after more epochs.'}
            </p>
          )}
        </>
      ) : (
        <p className="hint">{config ? 'Waiting for the model’s forecast…' : 'Train to see the model forecast the series.'}</p>
      )}
      <p className="hint">
        Errors are mean absolute errors on {shuffled ? 'the future (the shaded end of the series, held out from training and validation)' : 'the validation stretch (the shaded end of the series)'}, in the series’ units. The naive forecast says the value
        {horizon === 1 ? ' at the next step equals the last one' : ` ${horizon} steps on equals the last one`}; the fed-back forecast starts from the last training
        values and then sees only its own predictions.
      </p>
    </figure>
  );
}
