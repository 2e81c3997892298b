import { kindOf } from '../../model/layerKinds';
import { usePlayground } from '../../state';

/** The layer stack, top to bottom (read-only until the editor arrives). */
export function LayerList() {
  const layers = usePlayground((state) => state.layers);
  return (
    <ol className="layers" aria-label="Layers">
      {layers.map((layer) => (
        <li key={layer.id} className={`layer layer-${layer.kind}`}>
          {kindOf(layer).describe(layer)}
        </li>
      ))}
    </ol>
  );
}
