import { useState } from 'react';
import { imageLayerKinds, layerKinds, sequenceLayerKinds } from '../../model/layerKinds';
import type { LayerKind } from '../../model/layers';
import { inputShapeOf } from '../../data/table';
import { usePlayground } from '../../state';
import { useIssueParts } from '../useExperimentIssues';
import { KerasDialog } from './KerasDialog';
import { LayerItem } from './LayerItem';

const tableKinds: LayerKind[] = ['dense', 'dropout', 'batchNormalization', 'activation'];

/** "windows of 20 steps × 1 value": what one example of a series is. */
const seriesInput = ([steps, values]: number[]): string => `windows of ${steps} steps × ${values} value${values === 1 ? '' : 's'}`;

/** The editable layer stack: a list named "Layers", with an input line above it and "Add layer" below. */
export function LayerEditor() {
  const layers = usePlayground((state) => state.layers);
  const table = usePlayground((state) => (state.dataset.status === 'ready' ? state.dataset.table : null));
  const images = table?.modality === 'image';
  const addable = images ? [...tableKinds, ...imageLayerKinds] : table?.modality === 'series' ? [...tableKinds, ...sequenceLayerKinds] : tableKinds;
  const { addLayer, moveLayer } = usePlayground.getState();
  const { model: issues } = useIssueParts();
  const [kind, setKind] = useState<LayerKind>('dense');
  const [dragged, setDragged] = useState<string | null>(null);
  return (
    <div className="layer-editor">
      <p className="input-line">
        Input:{' '}
        {table === null
          ? '…'
          : table.modality === 'series'
            ? seriesInput(inputShapeOf(table))
            : table.inputShape
              ? `${table.inputShape.join(' × ')} image`
              : `${table.featureNames.length} features`}
      </p>
      <ol className="layers" aria-label="Layers">
        {layers.map((layer, index) => (
          <LayerItem
            key={layer.id}
            layer={layer}
            index={index}
            count={layers.length}
            issues={issues.filter((issue) => issue.layerIndex === index).map((issue) => issue.message)}
            dragging={dragged === layer.id}
            onDragStart={() => setDragged(layer.id)}
            onDragEnd={() => setDragged(null)}
            onDrop={() => {
              if (dragged !== null) moveLayer(dragged, index);
              setDragged(null);
            }}
          />
        ))}
      </ol>
      <div className="add-layer">
        <label>
          Layer type
          <select value={addable.includes(kind) ? kind : 'dense'} onChange={(event) => setKind(event.target.value as LayerKind)}>
            {addable.map((name) => (
              <option key={name} value={name}>
                {layerKinds[name].label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => addLayer(addable.includes(kind) ? kind : 'dense')}>
          Add layer
        </button>
        <KerasDialog />
      </div>
    </div>
  );
}
