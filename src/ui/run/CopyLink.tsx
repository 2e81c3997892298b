import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlayground } from '../../state';
import { snapshotOf } from '../../state/experimentSchema';
import { experimentHash } from '../../state/share';

/** "Copy link": the address of this page with the experiment (dataset, layers, settings, seed) in it. */
export function CopyLink() {
  const [said, setSaid] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  // A copied link shows one moment of the experiment: once it changes, the link on screen would be stale.
  const experiment = usePlayground(useShallow((state) => [state.datasetId, state.synthetic, state.layers, state.config, state.dropoutRate, state.seriesWindow, state.drawn]));
  useEffect(() => {
    setLink(null);
    setSaid(null);
  }, [experiment]);
  const copy = async () => {
    // The experiment as it is at this press, not as it was when the page opened.
    const snapshot = snapshotOf(usePlayground.getState());
    if (!snapshot) {
      setSaid('An uploaded CSV cannot travel in a link.');
      setLink(null);
      return;
    }
    // The address bar is left alone: a link kept there would be opened again
    // at the next reload, over every edit made after copying it.
    const url = new URL(window.location.href);
    url.hash = experimentHash(snapshot);
    setLink(url.toString());
    try {
      await navigator.clipboard.writeText(url.toString());
      setSaid('Link copied.');
    } catch {
      setSaid('The browser did not allow copying; copy the link from the box.');
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
      {link !== null && (
        <input type="text" readOnly aria-label="Link to this experiment" value={link} onFocus={(event) => event.target.select()} />
      )}
    </span>
  );
}
