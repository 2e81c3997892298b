import { useMemo, useState } from 'react';
import { drawnFit } from '../../data/drawnFit';
import { datasetIds, datasetInfo, type DatasetId } from '../../data/datasets';
import { drawnSetProblem, MAX_DRAWN_POINTS, MAX_DRAWN_VALUE, STARTER_POINTS, type DrawnTask } from '../../data/drawnPoints';
import { usePlayground } from '../../state';
import { isActive } from '../../state/runState';
import { NumberField } from '../common/NumberField';
import { SelectField } from '../common/SelectField';
import { DrawingPlane } from './DrawingPlane';
import { InputFeatures } from './InputFeatures';

const tasks = [
  { value: 'binary', label: 'Two classes' },
  { value: 'regression', label: 'A value (regression)' },
] as const satisfies readonly { value: DrawnTask; label: string }[];

const classes = [
  { value: '0', label: 'Class 0 (orange)' },
  { value: '1', label: 'Class 1 (blue)' },
] as const;

/** The generated 2-D sets a drawing may start from. */
const starters = datasetIds.filter((id) => datasetInfo(id).source.kind === 'synthetic').map((id) => ({ value: id, label: datasetInfo(id).label }));

/**
 * "Your own points": the plane to draw them on, the class (or value) a new
 * point gets, "Draw points" to switch clicking on, "Clear points", and how
 * well the last run fits the points; then the "Input features" the model
 * reads from each point, as for the generated 2-D sets.
 */
export function PointDrawing() {
  const datasetId = usePlayground((state) => state.datasetId);
  const set = usePlayground((state) => state.drawn);
  const running = usePlayground((state) => isActive(state.run));
  const runData = usePlayground((state) => state.run.data);
  const predictions = usePlayground((state) => state.run.predictions);
  const { addDrawnPoint, eraseDrawnPoints, clearDrawnPoints, setDrawnTask, startDrawnFrom } = usePlayground.getState();
  const [starter, setStarter] = useState<DatasetId>(starters[0]!.value);
  const [drawingOn, setDrawingOn] = useState(true);
  const [chosenClass, setChosenClass] = useState<'0' | '1'>('0');
  const [value, setValue] = useState(1);
  // The run's grid belongs to these points: each change to them ends the run (see dataSlice).
  const gridSpec = runData?.grid ?? null;
  const gridValues = predictions?.grid ?? null;
  const background = useMemo(() => (gridSpec && gridValues ? { grid: gridSpec, values: gridValues } : null), [gridSpec, gridValues]);
  const fit = useMemo(() => (background ? drawnFit(set, background.grid, background.values) : null), [set, background]);
  if (datasetId !== 'drawn') return null;
  const drawing = drawingOn && !running;
  const regression = set.task === 'regression';
  const label = regression ? Math.max(-MAX_DRAWN_VALUE, Math.min(MAX_DRAWN_VALUE, value)) : Number(chosenClass);
  const ones = set.points.filter(([, , v]) => v === 1).length;
  const count = set.points.length;
  const problem = drawnSetProblem(set);
  const full = count >= MAX_DRAWN_POINTS;
  return (
    <>
      <fieldset className="controls point-drawing">
        <legend>Your points</legend>
        <div className="fields">
          <SelectField label="Task" value={set.task} options={tasks} onChange={setDrawnTask} disabled={running} />
          {regression ? (
            <NumberField label="Value" value={value} step="any" min={-MAX_DRAWN_VALUE} max={MAX_DRAWN_VALUE} onChange={setValue} />
          ) : (
            <SelectField<'0' | '1'> label="Class" value={chosenClass} options={classes} onChange={setChosenClass} />
          )}
        </div>
        <div className="fields" style={{ alignItems: 'center' }}>
          {/* A row, though the dataset picker lays its labels out as columns. */}
          <label className="check" style={{ flexDirection: 'row' }}>
            <input type="checkbox" role="switch" checked={drawingOn} disabled={running} onChange={(event) => setDrawingOn(event.target.checked)} />
            Draw points
          </label>
          <button type="button" onClick={clearDrawnPoints} disabled={running || count === 0}>
            Clear points
          </button>
        </div>
        <DrawingPlane
          set={set}
          drawing={drawing}
          label={label}
          onAdd={addDrawnPoint}
          onErase={eraseDrawnPoints}
          background={background}
        />
        <p className="hint">
          {running
            ? 'Drawing is off while a run trains on these points: stop or reset the run to change them.'
            : drawing
              ? 'Click to add a point, drag across points to erase them. Changing the points clears the last run’s results.'
              : 'Switch on Draw points to add or erase points.'}
        </p>
        <p className="hint">
          {count === 0
            ? 'No points yet.'
            : regression
              ? `${count} point${count === 1 ? '' : 's'}.`
              : `${count} point${count === 1 ? '' : 's'}: ${count - ones} of class 0, ${ones} of class 1.`}
          {full ? ` That is the most a set holds (${MAX_DRAWN_POINTS}, so that a link can carry them all); erase some to add others.` : ''}
        </p>
        {problem && <p className="hint">{problem} Train waits until then.</p>}
        <div className="fields" style={{ alignItems: 'end' }}>
          <SelectField<DatasetId> label="Start from" value={starter} options={starters} onChange={setStarter} disabled={running} />
          <button type="button" onClick={() => startDrawnFrom(starter)} disabled={running}>
            Use its points
          </button>
        </div>
        <p className="hint">Replaces your points with the first {STARTER_POINTS} of that set, and its task.</p>
        {fit && predictions && (
          <p className="hint">
            {fit.task === 'binary'
              ? `After epoch ${predictions.epoch}, ${fit.correct} of ${fit.points} points lie on their own class’s side of the boundary.`
              : `After epoch ${predictions.epoch}, the surface is off by ${fit.meanAbsError.toFixed(3)} on average at the drawn points.`}
          </p>
        )}
      </fieldset>
      <InputFeatures />
    </>
  );
}
