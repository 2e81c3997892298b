import { usePlayground } from '../../state';
import { statusText } from '../../state/statusText';

/** The live region that reads out the run: epoch, losses, and why it ended. */
export function StatusLine() {
  const text = usePlayground((state) => statusText(state.run));
  const failed = usePlayground((state) => state.run.error !== null || state.run.outcome?.kind === 'diverged');
  return (
    <p role="status" aria-live="polite" className={failed ? 'status status-bad' : 'status'}>
      {text}
    </p>
  );
}
