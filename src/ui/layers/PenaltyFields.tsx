import type { KernelRegularizer } from '../../model/layers';
import { MAX_PENALTY } from '../../model/regularizers';
import { NumberField } from '../common/NumberField';

type PenaltyKind = 'none' | 'l1' | 'l2' | 'l1l2';

const kindOf = (regularizer: KernelRegularizer | undefined): PenaltyKind => {
  const l1 = (regularizer?.l1 ?? 0) > 0;
  const l2 = (regularizer?.l2 ?? 0) > 0;
  return l1 && l2 ? 'l1l2' : l1 ? 'l1' : l2 ? 'l2' : 'none';
};

/** Keras's default strength, for a penalty the person turns on here. */
const DEFAULT_STRENGTH = 0.01;

interface PenaltyFieldsProps {
  value: KernelRegularizer | undefined;
  /** The new penalty; null removes it. */
  onChange(value: KernelRegularizer | null): void;
}

const strength = (label: string, value: number, onChange: (value: number) => void) => (
  <NumberField label={label} className="inline" value={value} min={0} max={MAX_PENALTY} step="any" onChange={onChange} />
);

/**
 * A Dense or Conv2D layer's own weight penalty, Keras's kernel_regularizer:
 * none, l1(λ), l2(λ) or l1_l2(λ1, λ2). Not named "Regularization": that is
 * the select that sets every hidden layer at once (see DESIGN.md).
 */
export function PenaltyFields({ value, onChange }: PenaltyFieldsProps) {
  const kind = kindOf(value);
  const l1 = value?.l1 ?? 0;
  const l2 = value?.l2 ?? 0;
  const choose = (next: PenaltyKind): void => {
    if (next === 'none') return onChange(null);
    const keep = (own: number) => (own > 0 ? own : DEFAULT_STRENGTH);
    onChange({ l1: next === 'l1' || next === 'l1l2' ? keep(l1) : 0, l2: next === 'l2' || next === 'l1l2' ? keep(l2) : 0 });
  };
  return (
    <>
      <label className="inline" title="Keras's kernel_regularizer: a penalty on this layer's weights, added to the loss.">
        Weight penalty
        <select value={kind} onChange={(event) => choose(event.target.value as PenaltyKind)}>
          <option value="none">none</option>
          <option value="l1">L1</option>
          <option value="l2">L2</option>
          <option value="l1l2">L1 + L2</option>
        </select>
      </label>
      {(kind === 'l1' || kind === 'l1l2') && strength('L1', l1, (next) => onChange({ l1: next, l2 }))}
      {(kind === 'l2' || kind === 'l1l2') && strength('L2', l2, (next) => onChange({ l1, l2: next }))}
    </>
  );
}
