import { useState, type ReactNode } from 'react';

/**
 * A <details> section whose content exists only while it is open, so a
 * closed view (the weight heatmaps, say) costs nothing while epochs stream in.
 */
export function OpenDetails({ summary, initiallyOpen = false, children }: { summary: string; initiallyOpen?: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="sub-panel" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children}
    </details>
  );
}
