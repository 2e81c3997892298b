import { describeReport } from '../../data/buildTable';
import { columnNotes } from '../../data/columnNotes';
import { MAX_DISTINCT, type ColumnInfo } from '../../data/columns';
import { formatPlural, type TimeColumn } from '../../data/timeColumn';
import type { TaskSpec } from '../../model/task';
import { usePlayground } from '../../state';
import { SelectField } from '../common/SelectField';
import { TimeColumnChoice } from './TimeColumnChoice';

const taskOptions = (classes: number): { value: string; label: string; task: TaskSpec }[] => [
  { value: 'regression', label: 'Regression (a number)', task: { kind: 'regression' } },
  { value: 'binary', label: 'Binary classification', task: { kind: 'binary' } },
  {
    value: 'multiclass',
    label: 'Multi-class classification',
    task: { kind: 'multiclass', numClasses: Math.max(2, Math.min(classes, MAX_DISTINCT)) },
  },
];

/** A column's type as the table shows it: "number", "text (3 values)", "dates" or "number (years)" for a column read as times. */
function typeText(column: ColumnInfo, timeColumns: readonly TimeColumn[]): string {
  const time = timeColumns.find((found) => found.name === column.name);
  if (column.distinct.length === 0) return 'no values';
  if (column.type === 'numeric') return time ? 'number (years)' : 'number';
  if (time) return formatPlural[time.format];
  return `text (${column.distinct.length > MAX_DISTINCT ? `>${MAX_DISTINCT}` : column.distinct.length} values)`;
}

/**
 * For an uploaded CSV: the target, the task, each column's role, and missing
 * values. Read as a time series, the roles are the time column, the inputs
 * at each step (the target among them unless left out) and the target.
 */
export function ColumnPlanner() {
  const custom = usePlayground((state) => (state.datasetId === 'custom' ? state.custom : null));
  const dataset = usePlayground((state) => state.dataset);
  const { setColumnPlan } = usePlayground.getState();
  if (!custom) return null;
  const { plan, columns } = custom;
  const target = columns.find((column) => column.name === plan.target);
  const options = taskOptions(target?.distinct.length ?? 2);
  const time = plan.time ?? null;
  const role = time === null ? 'feature' : 'input';
  const toggle = (name: string, used: boolean) =>
    setColumnPlan({ ignored: used ? plan.ignored.filter((n) => n !== name) : [...plan.ignored, name] });
  return (
    <fieldset className="controls column-planner">
      <legend>Columns of {custom.fileName}</legend>
      <TimeColumnChoice found={custom.timeColumns} time={time} onChange={(next) => setColumnPlan({ time: next })} />
      <div className="selects">
        <SelectField
          label="Target"
          value={plan.target}
          options={columns.map((column) => ({ value: column.name, label: column.name }))}
          onChange={(target) => setColumnPlan({ target })}
        />
        {time === null && (
          <SelectField
            label="Task"
            value={plan.task.kind}
            options={options}
            onChange={(kind) => {
              const option = options.find((o) => o.value === kind);
              if (option) setColumnPlan({ task: option.task });
            }}
          />
        )}
      </div>
      <table className="columns" aria-label="Columns">
        <thead>
          <tr>
            <th scope="col">column</th>
            <th scope="col">type</th>
            <th scope="col">missing</th>
            <th scope="col">use as {role}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => {
            const isTarget = column.name === plan.target;
            const used = !plan.ignored.includes(column.name);
            const box = (
              <input
                type="checkbox"
                aria-label={`Use ${column.name} as ${role === 'input' ? 'an input' : 'a feature'}`}
                checked={used}
                onChange={(event) => toggle(column.name, event.target.checked)}
              />
            );
            return (
              <tr key={column.name}>
                <td>{column.name}</td>
                <td>{typeText(column, custom.timeColumns)}</td>
                <td>{column.missing}</td>
                <td>
                  {column.name === time ? (
                    'time'
                  ) : isTarget && time === null ? (
                    'target'
                  ) : isTarget ? (
                    // In a series the predicted column's past values may be inputs too, or not.
                    <label className="inline">
                      {box} target
                    </label>
                  ) : (
                    box
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label className="inline">
        Missing values
        <select value={plan.missing} onChange={(event) => setColumnPlan({ missing: event.target.value as 'drop' | 'mean' })}>
          <option value="drop">Drop the row</option>
          <option value="mean">Fill with the training mean</option>
        </select>
      </label>
      {custom.raw.decimalCommaColumns.length > 0 && (
        <p className="hint">
          Decimal commas read as decimal points (3,5 as 3.5) in {custom.raw.decimalCommaColumns.join(', ')}.
        </p>
      )}
      {columnNotes(columns, plan.ignored).map((note) => (
        <p className="hint" key={note}>
          {note}
        </p>
      ))}
      {dataset.status === 'ready' && dataset.report && <p className="hint">{describeReport(dataset.report, plan.task)}</p>}
    </fieldset>
  );
}
