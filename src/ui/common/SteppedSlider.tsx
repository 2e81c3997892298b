import { useId } from 'react';

interface SteppedSliderProps {
  /** Accessible name, shown as the label. */
  label: string;
  /** The values the slider steps through, in increasing order. */
  values: readonly number[];
  value: number;
  onChange(value: number): void;
  format(value: number): string;
  disabled?: boolean;
  hint?: string;
}

/** Index of the value closest to `value` (a value from elsewhere may not be one of the steps). */
function nearestIndex(values: readonly number[], value: number): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) {
    if (Math.abs(values[i]! - value) < Math.abs(values[best]! - value)) best = i;
  }
  return best;
}

/**
 * A range input over a fixed list of values, so a log-scale learning rate or
 * powers of two for the batch size move one sensible step per arrow key.
 * `aria-valuetext` carries the real value, since the input's own value is an index.
 */
export function SteppedSlider({ label, values, value, onChange, format, disabled, hint }: SteppedSliderProps) {
  const id = useId();
  const text = format(value);
  return (
    <div className="slider">
      <div className="slider-head">
        <label htmlFor={id}>{label}</label>
        {/* Not an <output>: that is a second role=status; the slider's aria-valuetext already says it. */}
        <span className="slider-value" aria-hidden="true">
          {text}
        </span>
      </div>
      <input
        id={id}
        type="range"
        min={0}
        max={Math.max(0, values.length - 1)}
        step={1}
        value={nearestIndex(values, value)}
        aria-valuetext={text}
        disabled={disabled}
        title={hint}
        onChange={(event) => onChange(values[Number(event.target.value)]!)}
      />
    </div>
  );
}
