import { memo } from 'react';

/** The model's output for the image: one item per class with its probability as a percentage, the likeliest marked. */
export const ClassProbabilities = memo(function ClassProbabilities({ output, classNames }: { output: Float32Array; classNames: readonly string[] | null }) {
  let best = 0;
  output.forEach((p, k) => {
    if (p > output[best]!) best = k;
  });
  return (
    <ol className="class-probabilities" aria-label="Class probabilities">
      {Array.from(output, (p, k) => {
        const percent = `${(100 * p).toFixed(1)} %`;
        return (
          <li key={k} className={k === best ? 'likeliest' : undefined}>
            <span className="class-name">
              {classNames?.[k] ?? String(k)}
              <span className="sr-only">: </span>
            </span>
            <span className="class-bar" aria-hidden="true">
              <span style={{ width: `${Math.max(0, Math.min(100, 100 * p))}%` }} />
            </span>
            <span className="class-percent">{percent}</span>
          </li>
        );
      })}
    </ol>
  );
});
