import { useState } from 'react';
import { usePlayground } from '../../state';
import { snapshotOf } from '../../state/experimentSchema';
import { experimentHash } from '../../state/share';

/** "Copy link": the address of this page with the experiment (dataset, layers, settings, seed) in it. */
export function CopyLink() {
  const [said, setSaid] = useState<string | null>(null);
  const copy = async () => {
    const snapshot = snapshotOf(usePlayground.getState());
    if (!snapshot) {
      setSaid('An uploaded CSV cannot travel in a link.');
      return;
    }
    const url = new URL(window.location.href);
    url.hash = experimentHash(snapshot);
    window.history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url.toString());
      setSaid('Link copied.');
    } catch {
      setSaid('The address bar now holds the link; copy it from there.');
    }
  };
  return (
    <span className="copy-link">
      <button type="button" onClick={() => void copy()}>
        Copy link
      </button>
      {/* aria-live without role=status: the run's status line stays the page's only status. */}
      <span aria-live="polite" className="copy-said">
        {said}
      </span>
    </span>
  );
}
