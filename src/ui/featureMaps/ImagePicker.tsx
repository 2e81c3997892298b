import type { Table } from '../../data/table';
import { NumberField } from '../common/NumberField';
import { ImageCanvas } from '../data/ImageCanvas';
import { imageGeometry, imageRow, tonesOf } from '../data/imageTones';

interface ImagePickerProps {
  table: Table;
  /** Table rows of the run's validation split, in its order. */
  rows: Uint32Array;
  /** Position in `rows` of the picked image. */
  index: number;
  /** Whether the picked image is the one the maps show (not the drawing). */
  active: boolean;
  onPick(index: number): void;
}

/** Picks a validation image of the run by its number, with its picture and true class. */
export function ImagePicker({ table, rows, index, active, onPick }: ImagePickerProps) {
  const { height, width, channels } = imageGeometry(table);
  const row = rows[index] ?? 0;
  const label = table.classNames?.[table.targets[row]!] ?? String(table.targets[row]);
  const go = (next: number) => onPick(((next % rows.length) + rows.length) % rows.length);
  return (
    <div className={`image-picker${active ? ' active' : ''}`}>
      <ImageCanvas pixels={imageRow(table, row)} height={height} width={width} channels={channels} tones={tonesOf(table)} size={56} label={`Validation image ${index + 1}: ${label}`} />
      <div>
        <NumberField label="Validation image" value={index + 1} min={1} max={rows.length} onChange={(value) => go(Math.round(value) - 1)} />
        <span className="hint">
          {' '}
          of {rows.length}, a {label}
        </span>
        <div className="row">
          <button type="button" onClick={() => go(index - 1)}>
            Previous image
          </button>
          <button type="button" onClick={() => go(index + 1)}>
            Next image
          </button>
        </div>
      </div>
    </div>
  );
}
