import { usePlayground } from '../../state';

/** Which tfjs backend trains, and on what hardware for WebGL. */
export function BackendBadge() {
  const backend = usePlayground((state) => state.backend);
  if (!backend) return <p className="backend">Backend: starting…</p>;
  return (
    <p className="backend">
      <span>Backend: {backend.name}</span>
      {backend.renderer && <span className="backend-detail"> ({backend.renderer})</span>}
      {backend.note && <span className="backend-detail"> {backend.note}</span>}
    </p>
  );
}
