import type { MouseEvent } from 'react';

/** Where each skip link goes: the id of an element that takes focus (tabIndex -1 or focusable). */
const targets = [
  { id: 'training-controls', label: 'Skip to training controls' },
  { id: 'data-heading', label: 'Skip to data' },
  { id: 'model-heading', label: 'Skip to model' },
] as const;

/**
 * The first Tab stops of the page: links past the header and the data
 * settings, so Train is two key presses from the top. They move focus
 * themselves rather than follow the `#id`: the address's hash carries shared
 * experiments (`#e=`), and a jump must not replace it.
 */
export function SkipLinks() {
  const jump = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'nearest' });
  };
  return (
    <nav className="skip-links" aria-label="Skip links">
      {targets.map(({ id, label }) => (
        <a key={id} href={`#${id}`} onClick={(event) => jump(event, id)}>
          {label}
        </a>
      ))}
    </nav>
  );
}
