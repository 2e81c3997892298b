import { describeReport } from '../../data/buildTable';
import { columnNotes } from '../../data/columnNotes';
import { MAX_DISTINCT } from '../../data/columns';
import type { TaskSpec } from '../../model/task';
import { usePlayground } from '../../state';
import { SelectField } from '../common/SelectField';

const taskOptions = (classes: number): { value: string; label: string; task: TaskSpec }[] => [
  { value: 'regression', label: 'Regression (a number)', task: { kind: 'regression' } },
  { value: 'binary', label: 'Binary classification', task: { kind: 'binary' } },
  {
    value: 'multiclass',
    label: 'Multi-class classification',
    task: { kind: 'multiclass', numClasses: Math.max(2, Math.min(classes, MAX_DISTINCT)) },
  },
];

/** For an uploaded CSV: the target, the task, each column's role, and missing values. */
export function ColumnPlanner() {
  const custom = usePlayground((state) => (state.datasetId === 'custom' ? state.custom : null));
  const dataset = usePlayground((state) => state.dataset);
  const { setColumnPlan } = usePlayground.getState();
  if (!custom) return null;
  const { plan, columns } = custom;
  const target = columns.find((column) => column.name === plan.target);
  const options = taskOptions(target?.distinct.length ?? 2);
  return (
    <fieldset className="controls column-planner">
      <legend>Columns of {custom.fileName}</legend>
      <div className="selects">
        <SelectField
          label="Target"
          value={plan.target}
          options={columns.map((column) => ({ value: column.name, label: column.name }))}
          onChange={(target) => setColumnPlan({ target })}
        />
        <SelectField
          label="Task"
          value={plan.task.kind}
          options={options}
          onChange={(kind) => {
            const option = options.find((o) => o.value === kind);
            if (option) setColumnPlan({ task: option.task });
          }}
        />
      </div>
      <table className="columns" aria-label="Columns">
        <thead>
          <tr>
            <th scope="col">column</th>
            <th scope="col">type</th>
            <th scope="col">missing</th>
            <th scope="col">use as feature</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => {
            const isTarget = column.name === plan.target;
            return (
              <tr key={column.name}>
                <td>{column.name}</td>
                <td>{column.distinct.length === 0 ? 'no values' : column.type === 'numeric' ? 'number' : `text (${column.distinct.length > MAX_DISTINCT ? `>${MAX_DISTINCT}` : column.distinct.length} values)`}</td>
                <td>{column.missing}</td>
                <td>
                  {isTarget ? (
                    'target'
                  ) : (
                    <input
                      type="checkbox"
                      aria-label={`Use ${column.name} as a feature`}
                      checked={!plan.ignored.includes(column.name)}
                      onChange={(event) =>
                        setColumnPlan({
                          ignored: event.target.checked
                            ? plan.ignored.filter((name) => name !== column.name)
                            : [...plan.ignored, column.name],
                        })
                      }
                    />
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
