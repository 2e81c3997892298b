interface SelectFieldProps<T extends string> {
  /** Accessible name, shown as the label. */
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  disabled?: boolean;
}

/** A labelled select over a fixed list of values. */
export function SelectField<T extends string>({ label, value, options, onChange, disabled }: SelectFieldProps<T>) {
  return (
    <label>
      {label}
      <select value={value} disabled={disabled} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
