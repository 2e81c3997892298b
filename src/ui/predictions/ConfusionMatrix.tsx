/** Classification: how many validation (or test) rows of each actual class were predicted as each class. */
export function ConfusionMatrix({ counts, classNames, accuracy, rows = 'Validation' }: { counts: number[][]; classNames: string[]; accuracy: number; rows?: 'Validation' | 'Test' }) {
  const max = Math.max(1, ...counts.flat());
  return (
    <figure className="confusion">
      <figcaption className="chart-head">
        Confusion matrix <span className="metric-value">{rows} accuracy: {(accuracy * 100).toFixed(1)} %</span>
      </figcaption>
      <div className="scroll-x">
        <table aria-label="Confusion matrix">
          <thead>
            <tr>
              <th scope="col">actual ↓ predicted →</th>
              {classNames.map((name) => (
                <th key={name} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {counts.map((row, actual) => (
              <tr key={actual}>
                <th scope="row">{classNames[actual]}</th>
                {row.map((count, predicted) => (
                  <td
                    key={predicted}
                    className={actual === predicted ? 'diagonal' : count > 0 ? 'miss' : ''}
                    style={{ '--share': count / max } as React.CSSProperties}
                  >
                    {count}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
