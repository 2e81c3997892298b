import type { NetColumn, NetNode } from './networkLayout';
import type { denseWeights } from './networkLayout';

interface Props {
  node: NetNode | null;
  columns: readonly NetColumn[];
  weights: ReturnType<typeof denseWeights>;
}

const fmt = (value: number): string => (Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(3));
/** Incoming weights listed at most; the rest are counted. */
const LISTED = 8;

/** What the focused or hovered node of the network diagram holds: its activation, bias and incoming weights. */
export function NodeReadout({ node, columns, weights }: Props) {
  return (
    <p className="network-readout" aria-live="polite">
      {node ? describe(node, columns, weights) : 'Hover over or focus a neuron to read its bias and weights.'}
    </p>
  );
}

function describe(node: NetNode, columns: readonly NetColumn[], weights: ReturnType<typeof denseWeights>): string {
  if (node.layerIndex === null) return `Input ${node.label}: the feature as the network sees it, after scaling.`;
  const c = columns.findIndex((column) => column.layerIndex === node.layerIndex);
  const column = columns[c]!;
  const w = weights.get(node.layerIndex);
  const head = `Neuron ${node.label} (${column.activation ?? 'linear'})`;
  if (!w) return `${head}: its weights appear once the run has started.`;
  const inputs = columns[c - 1]!;
  const incoming = Array.from({ length: w.inputs }, (_, i) => w.kernel[i * column.size + node.unit]!);
  const named = incoming.slice(0, LISTED).map((value, i) => `${inputs.nodes[i]?.label ?? `#${i + 1}`} ${fmt(value)}`);
  const more = incoming.length > LISTED ? ` and ${incoming.length - LISTED} more` : '';
  return `${head}: bias ${fmt(w.bias[node.unit]!)}; weights in: ${named.join(', ')}${more}.`;
}
