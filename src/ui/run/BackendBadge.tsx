import type { BackendPreference } from '../../engine/protocol';
import { usePlayground } from '../../state';

const choices: { value: BackendPreference; label: string }[] = [
  { value: 'auto', label: 'Auto' },
  { value: 'webgl', label: 'WebGL' },
  { value: 'webgpu', label: 'WebGPU' },
  { value: 'wasm', label: 'WASM' },
  { value: 'cpu', label: 'CPU' },
  { value: 'js', label: 'JavaScript engine' },
];

/** The "Backend" box (Auto by default) and which backend trains (a tfjs one or the JavaScript engine), on what hardware (WebGL's renderer, the WebGPU adapter), and why. */
export function BackendBadge() {
  const backend = usePlayground((state) => state.backend);
  const preference = usePlayground((state) => state.backendPreference);
  return (
    <div className="backend-box">
      <label className="lesson-picker">
        Backend
        <select
          value={preference}
          onChange={(event) => usePlayground.getState().setBackendPreference(event.target.value as BackendPreference)}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      {backend ? (
        <p className="backend">
          <span>Backend: {backend.name}</span>
          {backend.renderer && <span className="backend-detail"> ({backend.renderer})</span>}
          {backend.note && <span className="backend-detail"> {backend.note}</span>}
        </p>
      ) : (
        <p className="backend">Backend: starting…</p>
      )}
    </div>
  );
}
