import { datasetIds, datasetInfo } from '../../data/datasets';

/** Sources and licences of the shipped datasets. */
export function AboutData() {
  return (
    <details className="about-data">
      <summary>About the data</summary>
      <ul>
        {datasetIds.map((id) => {
          const { label, credit } = datasetInfo(id);
          return credit ? (
            <li key={id}>
              <strong>{label}</strong>: {credit.origin}; via {credit.via}. Licence: {credit.licence}.{' '}
              <a href={credit.url} target="_blank" rel="noreferrer noopener">
                Source
              </a>
            </li>
          ) : null;
        })}
        <li>The 2-D sets are generated in the page from a seed, except your own points, which you draw.</li>
      </ul>
    </details>
  );
}
