import { datasetIds, datasets, type DatasetInfo } from '../../data/datasets';

/** Sources and licences of the shipped datasets. */
export function AboutData() {
  const credited = datasetIds.map((id) => datasets[id] as DatasetInfo).filter((info) => info.credit);
  return (
    <details className="about-data">
      <summary>About the data</summary>
      <ul>
        {credited.map(({ label, credit }) =>
          credit ? (
            <li key={label}>
              <strong>{label}</strong>: {credit.origin}, via {credit.via}. Licence: {credit.licence}.{' '}
              <a href={credit.url} target="_blank" rel="noreferrer noopener">
                Source
              </a>
            </li>
          ) : null,
        )}
        <li>The 2-D sets (circle, spiral) are generated in the page from a seed.</li>
      </ul>
    </details>
  );
}
