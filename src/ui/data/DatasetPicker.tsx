import { datasetIds, datasets, isDatasetId } from '../../data/datasets';
import { describeTask } from '../../model/task';
import { usePlayground } from '../../state';

/** The "Dataset" select and a line about the selected data. */
export function DatasetPicker() {
  const datasetId = usePlayground((state) => state.datasetId);
  const dataset = usePlayground((state) => state.dataset);
  const { selectDataset, reloadDataset } = usePlayground.getState();
  return (
    <div className="dataset-picker">
      <label>
        Dataset
        <select
          value={datasetId}
          onChange={(event) => {
            if (isDatasetId(event.target.value)) selectDataset(event.target.value);
          }}
        >
          {datasetIds.map((id) => (
            <option key={id} value={id}>
              {datasets[id].label}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{datasets[datasetId].description}</p>
      {dataset.status === 'loading' && <p className="hint">Loading…</p>}
      {dataset.status === 'error' && (
        <p role="alert" className="error">
          {dataset.message}{' '}
          <button type="button" onClick={reloadDataset}>
            Try again
          </button>
        </p>
      )}
      {dataset.status === 'ready' && (
        <p className="hint">
          {dataset.table.numRows.toLocaleString('en-US')} rows, {dataset.table.featureNames.length} features →{' '}
          {dataset.table.targetName}: {describeTask(dataset.table.task)}.
        </p>
      )}
    </div>
  );
}
