import { useMemo } from 'react';
import { usePlayground } from '../../state';
import { networkColumns } from './networkLayout';
import { neuronPictures, nodeKey } from './neuronPictures';
import { SurfaceCanvas } from './SurfaceCanvas';

/**
 * The neuron picked in the network diagram, large, in the Predictions panel:
 * next to the decision boundary it shows how one unit's line or curve takes
 * part in the final boundary.
 */
export function NeuronLarge() {
  const selected = usePlayground((state) => state.selectedNeuron);
  const run = usePlayground((state) => state.run);
  const { selectNeuron } = usePlayground.getState();
  const found = useMemo(() => {
    const layers = run.setup?.layers;
    const grid = run.data?.probeGrid;
    if (!selected || !layers || !grid) return null;
    const names = run.data!.exportMeta.features;
    const columns = networkColumns(layers, names, new Set([-1, ...layers.map((_, i) => i)]));
    const node = columns.flatMap((column) => column.nodes).find((n) => nodeKey(n) === nodeKey(selected));
    if (!node) return null;
    const column = columns.find((c) => c.layerIndex === node.layerIndex)!;
    const pictures = neuronPictures(run, [columns[0]!, ...(column.layerIndex === null ? [] : [{ ...column, nodes: [node] }])], false);
    return { node, column, pixels: pictures.get(nodeKey(node)) ?? null, size: grid.size };
  }, [selected, run.setup, run.data, run.probe]);
  if (!found) return null;
  const { node, column, pixels, size } = found;
  const name = `${node.imageName}, enlarged`;
  return (
    <figure className="boundary neuron-large" aria-label={name}>
      <SurfaceCanvas pixels={pixels} size={size} display={240} name={name} className="neuron-large-canvas" />
      <figcaption className="hint">
        {node.imageName}
        {column.activation ? ` (${column.activation})` : ''}
        {run.probe && node.layerIndex !== null ? ` after epoch ${run.probe.epoch}` : ''}: orange below zero, blue above
        {column.activation === 'sigmoid' || column.activation === 'softmax' ? ' 0.5' : ''}.{' '}
        <button type="button" className="link-button" onClick={() => selectNeuron(null)}>
          Back to the model’s output
        </button>
      </figcaption>
    </figure>
  );
}
