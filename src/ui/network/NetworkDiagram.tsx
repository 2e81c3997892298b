import { memo, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlayground } from '../../state';
import type { RunState } from '../../state/runState';
import type { NeuronRef } from '../../state/viewSlice';
import { denseWeights, networkColumns, networkLinks, type NetColumn, type NetNode } from './networkLayout';
import { nodeKey, useNeuronPictures } from './neuronPictures';
import { NodeReadout } from './NodeReadout';
import { SurfaceCanvas } from './SurfaceCanvas';
import { palette } from '../charts/palette';
import { isRecurrent } from '../../model/layers';

const NODE = 30;
const ROW = 36;
const COLUMN = 62;
const HEAD = 44;

/**
 * The layer stack drawn as a graph, as TensorFlow Playground draws it: the
 * inputs, each Dense unit a node (on 2-D sets, a picture of its output over
 * the plane), links coloured by sign and thicker with |weight|, all redrawn
 * as the run trains. Each node is a button: focus or hover reads out its
 * bias and weights, a click shows its picture large under Predictions.
 */
export function NetworkDiagram() {
  useEffect(() => {
    const { watchWeights, watchProbe } = usePlayground.getState();
    const unwatchWeights = watchWeights();
    const unwatchProbe = watchProbe('neurons');
    return () => {
      unwatchWeights();
      unwatchProbe();
    };
  }, []);
  const run = usePlayground((state) => state.run);
  const experiment = usePlayground(useShallow((state) => ({ layers: state.layers, table: state.dataset.status === 'ready' ? state.dataset.table : null })));
  const selected = usePlayground((state) => state.selectedNeuron);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [discrete, setDiscrete] = useState(false);
  const layers = run.setup?.layers ?? experiment.layers;
  const inputNames = useMemo(() => inputNamesOf(run, experiment.table?.featureNames ?? []), [run.setup, run.weightLayout, experiment.table]);
  const columns = useMemo(() => networkColumns(layers, inputNames, expanded), [layers, inputNames, expanded]);
  const pictures = useNeuronPictures(run, columns, discrete);
  const toggle = (key: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  // Its columns are Dense layers on flat inputs: a recurrent layer in front would be drawn as if it were not there.
  if (layers.some(isRecurrent)) {
    return <p className="hint">The diagram draws Dense layers on flat inputs; a recurrent layer, which reads the window step by step, is not drawn yet.</p>;
  }
  if (columns.length < 2) return <p className="hint">Add a Dense layer to see the network.</p>;
  return (
    <figure className="network" aria-label="Network">
      <Graph run={run} columns={columns} pictures={pictures} selected={selected} onToggle={toggle} expanded={expanded} />
      <figcaption className="hint">
        {run.probe ? `After epoch ${run.probe.epoch}: b` : 'B'}lue links are positive weights, orange negative, thicker is larger.
        {run.data?.probeGrid ? ' Each neuron shows its output over the plane; click one to see it large under Predictions.' : ''}
      </figcaption>
      {run.data?.probeGrid && (
        <label className="check small">
          <input type="checkbox" checked={discrete} onChange={(event) => setDiscrete(event.target.checked)} />
          Discretize neurons
        </label>
      )}
    </figure>
  );
}

/** The names of what feeds the first Dense layer: the dataset's features, or f1… after a Flatten. */
function inputNamesOf(run: RunState, featureNames: readonly string[]): string[] {
  const names = run.data?.exportMeta.features ?? featureNames;
  const layers = run.setup?.layers ?? [];
  const first = layers.findIndex((layer) => layer.kind === 'dense');
  const kernel = run.weightLayout?.find((slot) => slot.layerIndex === first && slot.name === 'kernel');
  const size = kernel?.shape[0] ?? names.length;
  return size === names.length ? [...names] : Array.from({ length: size }, (_, i) => `f${i + 1}`);
}

interface GraphProps {
  run: RunState;
  columns: NetColumn[];
  pictures: ReturnType<typeof useNeuronPictures>;
  selected: NeuronRef | null;
  expanded: ReadonlySet<number>;
  onToggle(key: number): void;
}

const Graph = memo(function Graph({ run, columns, pictures, selected, expanded, onToggle }: GraphProps) {
  const [focused, setFocused] = useState<NetNode | null>(null);
  const weights = useMemo(() => (run.weights && run.weightLayout ? denseWeights(run.weightLayout, run.weights) : new Map()), [run.weights, run.weightLayout]);
  const links = useMemo(() => networkLinks(columns, weights), [columns, weights]);
  const maxWeight = links.reduce((max, link) => Math.max(max, Math.abs(link.weight)), 0) || 1;
  const rows = Math.max(...columns.map((column) => column.nodes.length + (column.size > column.nodes.length || expanded.has(column.layerIndex ?? -1) ? 1 : 0)));
  const width = columns.length * COLUMN - (COLUMN - NODE) + 8;
  const height = HEAD + rows * ROW;
  const x = (c: number) => 4 + c * COLUMN;
  const y = (i: number) => HEAD + i * ROW;
  const { selectNeuron } = usePlayground.getState();
  return (
    <>
      <div className="network-scroll">
        <div className="network-graph" style={{ width, height }}>
          <svg width={width} height={height} className="network-links" aria-hidden="true">
            {links.map((link) => (
              <line
                key={`${link.column}:${link.from}:${link.to}`}
                x1={x(link.column - 1) + NODE}
                y1={y(link.from) + NODE / 2}
                x2={x(link.column)}
                y2={y(link.to) + NODE / 2}
                stroke={link.weight >= 0 ? palette.positive : palette.validation}
                strokeWidth={0.4 + 3.6 * Math.min(1, Math.abs(link.weight) / maxWeight)}
                strokeOpacity={0.75}
              >
                <title>{`${columns[link.column - 1]!.nodes[link.from]!.label} → ${columns[link.column]!.nodes[link.to]!.label}: w = ${link.weight.toPrecision(3)}`}</title>
              </line>
            ))}
          </svg>
          {columns.map((column, c) => (
            <div key={column.layerIndex ?? 'in'} className="network-column" style={{ left: x(c) - 16, width: NODE + 32 }}>
              <div className="network-head">
                {column.title}
                {column.activation ? `, ${column.activation}` : ''}
                {column.marks.length > 0 && <span className="network-marks">{column.marks.join(' · ')}</span>}
              </div>
            </div>
          ))}
          {columns.flatMap((column, c) =>
            column.nodes.map((node, i) => {
              const key = nodeKey(node);
              const isSelected = selected !== null && nodeKey(selected) === key;
              return (
                <div key={key} className={`network-node${isSelected ? ' selected' : ''}`} style={{ left: x(c), top: y(i), width: NODE, height: NODE }}>
                  {pictures.has(key) ? (
                    <SurfaceCanvas pixels={pictures.get(key)!} size={run.data!.probeGrid!.size} display={NODE} name={node.imageName} />
                  ) : (
                    <span className="network-dot" aria-hidden="true" />
                  )}
                  <button
                    type="button"
                    className="network-button"
                    aria-label={node.layerIndex === null ? `Input ${node.label}` : `Neuron ${node.label}`}
                    aria-pressed={isSelected}
                    onFocus={() => setFocused(node)}
                    onMouseEnter={() => setFocused(node)}
                    onClick={() => selectNeuron(isSelected ? null : { layerIndex: node.layerIndex, unit: node.unit })}
                  >
                    <span className="network-label">{node.label}</span>
                  </button>
                </div>
              );
            }),
          )}
          {columns.map((column, c) =>
            column.size > column.nodes.length || expanded.has(column.layerIndex ?? -1) ? (
              <button
                key={`more-${column.layerIndex ?? 'in'}`}
                type="button"
                className="network-more"
                style={{ left: x(c) - 12, top: y(column.nodes.length) + 4, width: NODE + 24 }}
                aria-expanded={expanded.has(column.layerIndex ?? -1)}
                onClick={() => onToggle(column.layerIndex ?? -1)}
              >
                {expanded.has(column.layerIndex ?? -1) ? 'Show fewer' : `+${column.size - column.nodes.length} more`}
              </button>
            ) : null,
          )}
        </div>
      </div>
      <NodeReadout node={focused} columns={columns} weights={weights} />
    </>
  );
});
