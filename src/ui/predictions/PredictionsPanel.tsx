import { useMemo, useState } from 'react';
import { scaledSeriesTargets } from '../../data/series';
import { accuracy, classIndices, confusionMatrix } from '../../model/evaluation';
import { usePlayground } from '../../state';
import { ConfusionMatrix } from './ConfusionMatrix';
import { DecisionBoundary } from './DecisionBoundary';
import { MisclassifiedGallery } from './MisclassifiedGallery';
import { NeuronLarge } from '../network/NeuronLarge';
import { PredictedVsActual } from '../charts/lazyCharts';
import { ForecastView } from '../forecast/lazyForecast';
import { PredictionsOn, rowsView, type PredictionRows } from './PredictionsOn';

/**
 * What the model predicts, in the view that suits the data: the boundary
 * over the plane for 2-D sets, predicted against actual for regression, the
 * confusion matrix for classification, and the misclassified images.
 */
export function PredictionsPanel() {
  const runData = usePlayground((state) => state.run.data);
  const latest = usePlayground((state) => state.run.predictions);
  const test = usePlayground((state) => state.run.test);
  const [chosen, setChosen] = useState<PredictionRows>('validation');
  // The test rows are there to choose only once the run has measured them.
  const testView = useMemo(() => rowsView(runData, latest, test, 'test'), [runData, latest, test]);
  const rows: PredictionRows = chosen === 'test' && testView ? 'test' : 'validation';
  const { data, predictions } = rows === 'test' ? testView! : { data: runData, predictions: latest };
  const dataset = usePlayground((state) => state.dataset);
  const table = dataset.status === 'ready' ? dataset.table : null;
  // Before the first run, the config on screen: the chart is laid out once, before Train, not at the click (a long task).
  const runConfig = usePlayground((state) => state.run.setup?.config ?? state.config);
  // A series trains on scaled targets (see data/series.ts): its predictions are drawn against the series
  // in those units, or the chart would pair scaled predictions with raw values.
  const seriesTargets = useMemo(() => {
    if (!table?.series || !runConfig) return null;
    try {
      return scaledSeriesTargets(table, runConfig.validationSplit, runConfig.scaling);
    } catch {
      return null;
    }
    // The split and scaling alone: a new config object with the same values must not redraw the chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [table, runConfig.validationSplit, runConfig.scaling]);
  const classes = useMemo(() => {
    if (!table || !data || !predictions || table.task.kind === 'regression') return null;
    const actual = classIndices(data.yVal, table.task);
    const predicted = classIndices(predictions.validation, table.task);
    const n = table.task.kind === 'binary' ? 2 : table.task.numClasses;
    return { actual, predicted, counts: confusionMatrix(actual, predicted, n), accuracy: accuracy(actual, predicted) };
  }, [table, data, predictions]);
  if (!table) return <p className="hint">Train to see what the model predicts.</p>;
  // The run's data must belong to the table on screen (not one from before a dataset switch).
  const run = data && data.validationRows.length === data.yVal.length / data.targetSize ? data : null;
  const shown = run ? predictions : null;
  const classNames = table.classNames ?? classes?.counts.map((_, i) => String(i)) ?? [];
  // One tree before and during a run, so the scatter plot, drawn before any run, is not drawn anew when one starts.
  return (
    <div className="predictions">
      {!run && <p className="hint">Train to see what the model predicts.</p>}
      {run && testView && <PredictionsOn value={rows} onChange={setChosen} testRows={runData?.testRows?.length ?? 0} />}
      {run && table.modality === 'plane' && <NeuronLarge />}
      {run && table.modality === 'plane' && <DecisionBoundary table={table} data={run} predictions={shown} rowsName={rows} />}
      {run && !shown && table.modality !== 'plane' && <p className="hint">Waiting for the first epoch…</p>}
      {table.task.kind === 'regression' && (!table.series || seriesTargets) && (
        <PredictedVsActual
          targets={seriesTargets ?? table.targets}
          actual={run && shown ? run.yVal : null}
          predicted={shown?.validation ?? null}
          targetName={seriesTargets ? `${table.targetName} (scaled as in training)` : table.targetName}
        />
      )}
      {table.series && <ForecastView table={table} />}
      {run && classes && <ConfusionMatrix counts={classes.counts} classNames={classNames} accuracy={classes.accuracy} rows={rows === 'test' ? 'Test' : 'Validation'} />}
      {run && classes && table.modality === 'image' && (
        <MisclassifiedGallery table={table} rows={run.validationRows} actual={classes.actual} predicted={classes.predicted} />
      )}
    </div>
  );
}
