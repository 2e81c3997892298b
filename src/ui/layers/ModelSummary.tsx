import { inputShapeOf } from '../../data/table';
import { formatShape, summarize } from '../../model/summary';
import { usePlayground } from '../../state';

const count = (n: number): string => n.toLocaleString('en-US');

/** The model as Keras's `model.summary()` prints it: layer, output shape, parameters. */
export function ModelSummary() {
  const layers = usePlayground((state) => state.layers);
  const dataset = usePlayground((state) => state.dataset);
  if (dataset.status !== 'ready') return null;
  const summary = summarize(inputShapeOf(dataset.table), layers);
  return (
    <table className="summary" aria-label="Model summary">
      <thead>
        <tr>
          <th scope="col">Layer (type)</th>
          <th scope="col">Output shape</th>
          <th scope="col">Param #</th>
        </tr>
      </thead>
      <tbody>
        {summary.rows.map((row) => (
          <tr key={row.layer.id}>
            <td>
              {row.name} ({row.kerasClass})
            </td>
            <td>{formatShape(row.outputShape)}</td>
            <td>{count(row.params.trainable + row.params.nonTrainable)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3}>
            Total params: {count(summary.totalParams)} · Trainable: {count(summary.trainableParams)} · Non-trainable:{' '}
            {count(summary.nonTrainableParams)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
