import { useEffect, useId, useState } from 'react';

interface BaselineFieldProps {
  /** The baseline, or null for none (Keras's `baseline=None`). */
  value: number | null;
  onChange(value: number | null): void;
  disabled?: boolean;
}

/**
 * Keras's optional `baseline` as a spinbutton named "Baseline" that may be
 * left empty: empty is no baseline, a number is one, anything else is
 * flagged and not passed on (so the config never holds NaN).
 */
export function BaselineField({ value, onChange, disabled }: BaselineFieldProps) {
  const id = useId();
  const shown = value === null ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  useEffect(() => {
    setDraft((current) => (current.trim() === '' ? (value === null ? current : shown) : Number(current) === value ? current : shown));
  }, [value, shown]);
  const invalid = draft.trim() !== '' && !Number.isFinite(Number(draft));
  return (
    <span className="number-field">
      <label htmlFor={id}>Baseline</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step="any"
        placeholder="none"
        value={draft}
        disabled={disabled}
        aria-invalid={invalid}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          if (text.trim() === '') onChange(null);
          else if (Number.isFinite(Number(text))) onChange(Number(text));
        }}
      />
      {invalid && <span className="field-error">Enter a number, or leave empty for none</span>}
    </span>
  );
}
