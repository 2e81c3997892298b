import { datasetIds, datasetInfo, isDatasetId, type DatasetInfo } from '../../data/datasets';
import { describeTask } from '../../model/task';
import { usePlayground } from '../../state';
import { PointDrawing } from './PointDrawing';
import { ImageClasses } from './ImageClasses';

const groups: DatasetInfo['group'][] = ['Tables', 'Images', 'Time series', '2-D (synthetic)'];

/** The "Dataset" select, grouped, with a line about the selected data. */
export function DatasetPicker() {
  const datasetId = usePlayground((state) => state.datasetId);
  const dataset = usePlayground((state) => state.dataset);
  const customName = usePlayground((state) => state.custom?.fileName ?? null);
  const { selectDataset, reloadDataset } = usePlayground.getState();
  const description = datasetId === 'custom' ? `Your file ${customName ?? ''}` : datasetInfo(datasetId).description;
  return (
    <div className="dataset-picker">
      <label>
        Dataset
        <select
          value={datasetId}
          onChange={(event) => {
            const value = event.target.value;
            if (value === 'custom' || isDatasetId(value)) selectDataset(value);
          }}
        >
          {groups.map((group) => (
            <optgroup key={group} label={group}>
              {datasetIds
                .filter((id) => datasetInfo(id).group === group)
                .map((id) => (
                  <option key={id} value={id}>
                    {datasetInfo(id).label}
                  </option>
                ))}
            </optgroup>
          ))}
          {customName !== null && (
            <optgroup label="Your data">
              <option value="custom">{customName}</option>
            </optgroup>
          )}
        </select>
      </label>
      <p className="hint">{description}</p>
      {dataset.status === 'loading' && <p className="hint">Loading…</p>}
      {/* The drawn set's only error is too few points, which its drawing panel says in place. */}
      {/* Own images missing is said in their panel, beside the inputs that add them. */}
      {dataset.status === 'error' && datasetId !== 'drawn' && datasetId !== 'images' && (
        <p role="alert" className="error">
          {dataset.message}{' '}
          {datasetId !== 'custom' && (
            <button type="button" onClick={reloadDataset}>
              Try again
            </button>
          )}
        </p>
      )}
      {datasetId === 'images' && <ImageClasses />}
      {datasetId === 'drawn' && <PointDrawing />}
      {dataset.status === 'ready' && (
        <p className="hint">
          {dataset.table.numRows.toLocaleString('en-US')} rows,{' '}
          {dataset.table.inputShape ? `${dataset.table.inputShape.join('×')} images` : `${dataset.table.featureNames.length} features`} →{' '}
          {dataset.table.targetName}: {describeTask(dataset.table.task)}.
        </p>
      )}
    </div>
  );
}
