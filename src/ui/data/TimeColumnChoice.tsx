import { formatPlural, type TimeColumn } from '../../data/timeColumn';
import { SelectField } from '../common/SelectField';

const NONE = '';

/** The sentence that says which columns were found to hold times. */
export function timeColumnNote(found: readonly TimeColumn[]): string {
  const each = found.map((column) => `"${column.name}" reads as ${formatPlural[column.format]} (such as ${column.example})`);
  return `${each.join('; ')}: choose ${found.length === 1 ? 'it' : 'one'} as the time column to forecast the file as a time series.`;
}

interface Props {
  found: readonly TimeColumn[];
  /** The chosen time column, or null for a table of independent rows. */
  time: string | null;
  onChange(time: string | null): void;
}

/**
 * "Time column": shown when an upload has a column of dates or times; a
 * column chosen reads the file as a series in that column's order.
 */
export function TimeColumnChoice({ found, time, onChange }: Props) {
  if (found.length === 0) return null;
  const options = [
    { value: NONE, label: 'None: rows are independent examples' },
    ...found.map((column) => ({ value: column.name, label: `${column.name}: a time series` })),
  ];
  return (
    <div className="time-column">
      <SelectField label="Time column" value={time ?? NONE} options={options} onChange={(value) => onChange(value === NONE ? null : value)} />
      <p className="hint">
        {time === null
          ? timeColumnNote(found)
          : `Rows are time steps ordered by "${time}"; each example is a window of steps (see Window and Horizon), and the validation part is the end of the series.`}
      </p>
    </div>
  );
}
