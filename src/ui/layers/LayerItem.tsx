import { activationNames, activations, type ActivationName } from '../../model/activations';
import { layerKinds } from '../../model/layerKinds';
import type { LayerSpec, Padding } from '../../model/layers';
import { usePlayground } from '../../state';
import { NumberField } from '../common/NumberField';
import { PenaltyFields } from './PenaltyFields';

interface LayerItemProps {
  layer: LayerSpec;
  index: number;
  count: number;
  /** Validation messages about this layer. */
  issues: string[];
  dragging: boolean;
  onDragStart(): void;
  onDragEnd(): void;
  onDrop(): void;
}

function ActivationSelect({ value, onChange }: { value: ActivationName; onChange(value: ActivationName): void }) {
  return (
    <label className="inline">
      Activation
      <select value={value} onChange={(event) => onChange(event.target.value as ActivationName)}>
        {activationNames.map((name) => (
          <option key={name} value={name} title={activations[name].formula}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * One layer of the stack with its own settings. It can be dragged onto
 * another position, or moved with its ↑ and ↓ buttons from the keyboard.
 */
export function LayerItem({ layer, index, count, issues, dragging, onDragStart, onDragEnd, onDrop }: LayerItemProps) {
  const { updateLayer, removeLayer } = usePlayground.getState();
  /** Moves the layer and keeps keyboard focus on the same button, which React may have detached while reordering. */
  const move = (to: number, button: 'Move layer up' | 'Move layer down'): void => {
    usePlayground.getState().moveLayer(layer.id, to);
    requestAnimationFrame(() => {
      const target = document.querySelector<HTMLButtonElement>(`[data-layer-id="${layer.id}"] [aria-label="${button}"]`);
      (target && !target.disabled ? target : document.querySelector<HTMLElement>(`[data-layer-id="${layer.id}"] button`))?.focus();
    });
  };
  const label = layerKinds[layer.kind].label;
  return (
    <li
      className={`layer layer-${layer.kind}${dragging ? ' dragging' : ''}${issues.length > 0 ? ' invalid' : ''}`}
      draggable
      data-layer-id={layer.id}
      aria-label={`${index + 1}. ${label}`}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', layer.id);
        onDragStart();
      }}
      onDragEnd={onDragEnd}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        onDrop();
      }}
    >
      <div className="layer-row">
        <span className="drag-handle" aria-hidden="true">
          ⠿
        </span>
        <span className="layer-kind">{label}</span>
        {layer.kind === 'dense' && (
          <>
            <NumberField
              label="Units"
              className="inline"
              value={layer.units}
              min={1}
              max={4096}
              onChange={(units) => updateLayer(layer.id, { units })}
            />
            <ActivationSelect value={layer.activation} onChange={(activation) => updateLayer(layer.id, { activation })} />
            <PenaltyFields value={layer.kernelRegularizer} onChange={(kernelRegularizer) => updateLayer(layer.id, { kernelRegularizer })} />
          </>
        )}
        {layer.kind === 'dropout' && (
          <NumberField
            label="Rate"
            className="inline"
            value={layer.rate}
            min={0}
            max={0.95}
            step={0.05}
            onChange={(rate) => updateLayer(layer.id, { rate })}
          />
        )}
        {layer.kind === 'activation' && (
          <ActivationSelect value={layer.activation} onChange={(activation) => updateLayer(layer.id, { activation })} />
        )}
        {layer.kind === 'conv2d' && (
          <>
            <NumberField label="Filters" className="inline" value={layer.filters} min={1} max={512} onChange={(filters) => updateLayer(layer.id, { filters })} />
            <NumberField
              label="Kernel size"
              className="inline"
              value={layer.kernelSize}
              min={1}
              max={15}
              onChange={(kernelSize) => updateLayer(layer.id, { kernelSize })}
            />
            <NumberField label="Strides" className="inline" value={layer.strides} min={1} max={8} onChange={(strides) => updateLayer(layer.id, { strides })} />
            <label className="inline">
              Padding
              <select value={layer.padding} onChange={(event) => updateLayer(layer.id, { padding: event.target.value as Padding })}>
                <option value="valid">valid</option>
                <option value="same">same</option>
              </select>
            </label>
            <ActivationSelect value={layer.activation} onChange={(activation) => updateLayer(layer.id, { activation })} />
            <PenaltyFields value={layer.kernelRegularizer} onChange={(kernelRegularizer) => updateLayer(layer.id, { kernelRegularizer })} />
          </>
        )}
        {(layer.kind === 'simpleRnn' || layer.kind === 'lstm' || layer.kind === 'gru') && (
          <>
            <NumberField label="Units" className="inline" value={layer.units} min={1} max={512} onChange={(units) => updateLayer(layer.id, { units })} />
            <ActivationSelect value={layer.activation} onChange={(activation) => updateLayer(layer.id, { activation })} />
            <label className="inline" title="On: the output at every step, for another recurrent layer or a pooling. Off: only the last step's.">
              <input
                type="checkbox"
                checked={layer.returnSequences}
                onChange={(event) => updateLayer(layer.id, { returnSequences: event.target.checked })}
              />
              Return sequences
            </label>
            {/* Not "Dropout": that name is the switch that adds Dropout layers (see DESIGN.md). */}
            <NumberField
              label="Input dropout"
              className="inline"
              value={layer.dropout ?? 0}
              min={0}
              max={0.95}
              step={0.05}
              onChange={(dropout) => updateLayer(layer.id, { dropout })}
            />
            <NumberField
              label="Recurrent dropout"
              className="inline"
              value={layer.recurrentDropout ?? 0}
              min={0}
              max={0.95}
              step={0.05}
              onChange={(recurrentDropout) => updateLayer(layer.id, { recurrentDropout })}
            />
          </>
        )}
        {layer.kind === 'maxPooling2d' && (
          <NumberField label="Pool size" className="inline" value={layer.poolSize} min={1} max={8} onChange={(poolSize) => updateLayer(layer.id, { poolSize })} />
        )}
        <span className="layer-buttons">
          <button
            type="button"
            className="icon"
            aria-label="Move layer up"
            disabled={index === 0}
            onClick={() => move(index - 1, 'Move layer up')}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon"
            aria-label="Move layer down"
            disabled={index === count - 1}
            onClick={() => move(index + 1, 'Move layer down')}
          >
            ↓
          </button>
          <button type="button" className="icon" aria-label="Remove layer" onClick={() => removeLayer(layer.id)}>
            ✕
          </button>
        </span>
      </div>
      {issues.map((issue) => (
        <p key={issue} className="layer-issue">
          {issue}
        </p>
      ))}
    </li>
  );
}
