import { useEffect, useId, useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number;
  onChange(value: number): void;
  min?: number;
  max?: number;
  step?: number | 'any';
  disabled?: boolean;
  className?: string;
}

/**
 * A number input (role spinbutton) that only passes on what parses as a
 * number; while the text does not, it says so and the model keeps its value.
 * Range checks are left to validation, which words them for the person.
 */
export function NumberField({ label, value, onChange, min, max, step = 1, disabled, className }: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  useEffect(() => {
    setDraft((current) => (Number(current) === value && current.trim() !== '' ? current : String(value)));
  }, [value]);
  const invalid = draft.trim() === '' || !Number.isFinite(Number(draft));
  return (
    <span className={`number-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={draft}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
        aria-invalid={invalid}
        onChange={(event) => {
          setDraft(event.target.value);
          const parsed = Number(event.target.value);
          if (event.target.value.trim() !== '' && Number.isFinite(parsed)) onChange(parsed);
        }}
      />
      {invalid && <span className="field-error">Enter a number</span>}
    </span>
  );
}
