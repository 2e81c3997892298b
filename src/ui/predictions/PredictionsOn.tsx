import type { Predictions, RunData, RunState } from '../../state/runState';

/** Which held-out rows the prediction views show. */
export type PredictionRows = 'validation' | 'test';

/**
 * The run's data and predictions as the views read them, for the rows chosen:
 * the validation rows as they are, or the test rows in their place (their
 * targets, table rows and the outputs of the one evaluation at the end). The
 * boundary grid stays the latest one. Null for the test rows when the run has
 * none (yet).
 */
export function rowsView(
  data: RunData | null,
  predictions: Predictions | null,
  test: RunState['test'],
  rows: PredictionRows,
): { data: RunData | null; predictions: Predictions | null } | null {
  if (rows === 'validation') return { data, predictions };
  if (!data?.yTest || !data.testRows || !test) return null;
  return {
    data: { ...data, yVal: data.yTest, validationRows: data.testRows },
    predictions: { epoch: predictions?.epoch ?? 0, validation: test.predictions, grid: predictions?.grid ?? null },
  };
}

interface Props {
  value: PredictionRows;
  onChange(rows: PredictionRows): void;
  /** How many test rows there are, for the label. */
  testRows: number;
}

/** The "Predictions on" switch between the validation rows and the test rows, measured once when the run ended. */
export function PredictionsOn({ value, onChange, testRows }: Props) {
  return (
    <fieldset className="predictions-on checks">
      <legend>Predictions on</legend>
      <label className="check small">
        <input type="radio" name="predictions-on" checked={value === 'validation'} onChange={() => onChange('validation')} />
        Validation
      </label>
      <label className="check small">
        <input type="radio" name="predictions-on" checked={value === 'test'} onChange={() => onChange('test')} />
        Test
      </label>
      {value === 'test' && <span className="hint"> {testRows} test rows, measured once when the run ended.</span>}
    </fieldset>
  );
}
