import { memo } from 'react';

const BAR = 4;
const HEIGHT = 36;

/**
 * A Dense layer's outputs for the image as bars, one per unit, scaled by the
 * layer's largest |output|; negative outputs (tanh, linear) hang below the line.
 */
export const ActivationBars = memo(function ActivationBars({ name, values }: { name: string; values: Float32Array }) {
  let peak = 0;
  for (const v of values) peak = Math.max(peak, Math.abs(v));
  const scale = peak > 0 ? HEIGHT / 2 / peak : 0;
  const hasNegative = values.some((v) => v < 0);
  const zero = hasNegative ? HEIGHT / 2 : HEIGHT;
  const factor = hasNegative ? scale : scale * 2;
  return (
    <figure className="map-layer">
      <figcaption>
        {name} <span className="hint">({values.length} units, largest {peak.toPrecision(3)})</span>
      </figcaption>
      <svg className="activation-bars" width={values.length * BAR} height={HEIGHT} role="img" aria-label={`${name} activations`}>
        {Array.from(values, (v, i) => (
          <rect key={i} x={i * BAR} width={BAR - 1} y={v >= 0 ? zero - v * factor : zero} height={Math.abs(v) * factor} className={v >= 0 ? 'bar-positive' : 'bar-negative'} />
        ))}
      </svg>
    </figure>
  );
});
