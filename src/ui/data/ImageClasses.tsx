import { useEffect, useRef, useState, type ReactNode } from 'react';
import { imageSizes, type ImageChannels } from '../../data/imagePixels';
import { freshId, unreadableReport, type ImageClass } from '../../data/ownImages';
import { usePlayground } from '../../state';
import { addFolder, addToClassById, addZip, changeSettings } from './ownImagesLoader';
import { OwnImageThumb } from './OwnImageThumb';

/** Thumbnails shown per class; the count says how many there are in all. */
const THUMBS = 12;

/** A file input in a label that looks like a button; `folder` makes it choose a folder (webkitdirectory). */
function FileButton({ children, onFiles, accept, multiple, folder, disabled }: {
  children: ReactNode;
  onFiles: (files: File[]) => void;
  accept?: string;
  multiple?: boolean;
  folder?: boolean;
  disabled: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // React does not know the attribute; the folder picker needs it in the DOM.
    if (folder) input.current?.setAttribute('webkitdirectory', '');
  }, [folder]);
  return (
    <label className="file-label">
      {children}
      <input
        ref={input}
        className="sr-only"
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        onChange={(event) => {
          const chosen = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (chosen.length > 0) onFiles(chosen);
        }}
      />
    </label>
  );
}

function ClassCard({ item, index, side, channels, busy, run, canRemove }: {
  item: ImageClass;
  index: number;
  side: number;
  channels: number;
  busy: boolean;
  run: (work: () => Promise<string | null | void>) => void;
  canRemove: boolean;
}) {
  const own = () => usePlayground.getState().ownImages;
  const update = (patch: Partial<ImageClass>) =>
    usePlayground.getState().setOwnImages({ ...own(), classes: own().classes.map((c) => (c.id === item.id ? { ...c, ...patch } : c)) });
  const count = item.images.length;
  const [name, setName] = useState(item.name);
  useEffect(() => setName(item.name), [item.name]);
  return (
    <section className="image-class" aria-label={`Class ${index + 1}`}>
      <label>
        Name of class {index + 1}{' '}
        {/* Kept here while typing and applied on leaving the field: each change of the data rebuilds the table and ends the run. */}
        <input
          type="text"
          value={name}
          maxLength={60}
          disabled={busy}
          onChange={(event) => setName(event.target.value)}
          onBlur={() => name !== item.name && update({ name })}
          onKeyDown={(event) => event.key === 'Enter' && name !== item.name && update({ name })}
        />
      </label>{' '}
      <FileButton accept="image/*" multiple disabled={busy} onFiles={(files) => run(() => addToClassById(item.id, files))}>
        Add images to class {index + 1}
      </FileButton>{' '}
      {count > 0 && (
        <button type="button" disabled={busy} onClick={() => update({ images: [] })}>
          Clear class {index + 1}
        </button>
      )}{' '}
      {canRemove && (
        <button
          type="button"
          disabled={busy}
          onClick={() => usePlayground.getState().setOwnImages({ ...own(), classes: own().classes.filter((c) => c.id !== item.id) })}
        >
          Remove class {index + 1}
        </button>
      )}
      <p className="hint">
        {item.name.trim() || `Class ${index + 1}`}: {count === 1 ? '1 image' : `${count.toLocaleString('en-US')} images`}
      </p>
      {count > 0 && (
        <div className="image-grid" role="group" aria-label={`Images of class ${index + 1}`}>
          {item.images.slice(0, THUMBS).map((image, i) => (
            <OwnImageThumb key={i} pixels={image.pixels} side={side} channels={channels} label={`${item.name} ${i + 1}: ${image.name}`} />
          ))}
          {count > THUMBS && <span className="hint">and {count - THUMBS} more</span>}
        </div>
      )}
    </section>
  );
}

/**
 * "Your own images": classes of images the person loads, as Teachable
 * Machine takes them. Decoded and resized in this page; never uploaded,
 * and not kept across reloads.
 */
export function ImageClasses() {
  const own = usePlayground((state) => state.ownImages);
  const missing = usePlayground((state) => (state.dataset.status === 'error' ? state.dataset.message : null));
  // Loads in progress: the controls wait until the last has ended (the loader runs them in turn).
  const [pending, setPending] = useState(0);
  const busy = pending > 0;
  const [note, setNote] = useState<string | null>(null);
  const run = (work: () => Promise<string | null | void>) => {
    setPending((n) => n + 1);
    setNote(null);
    work()
      .then(
        (message) => setNote(message ?? null),
        (error: unknown) => setNote(`The file could not be read: ${error instanceof Error ? error.message : String(error)}.`),
      )
      .finally(() => setPending((n) => n - 1));
  };
  const unreadable = unreadableReport(own.unreadable);
  return (
    <fieldset className="image-classes">
      <legend>Your images</legend>
      <p className="hint">
        Your images stay in this page: nothing is uploaded. They are kept in memory only, not across reloads: after a reload, load them again.
      </p>
      <label>
        Image size{' '}
        <select value={own.size} disabled={busy} onChange={(event) => run(() => changeSettings(Number(event.target.value), own.channels))}>
          {imageSizes.map((size) => (
            <option key={size} value={size}>
              {size}×{size}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Colour{' '}
        <select value={own.channels} disabled={busy} onChange={(event) => run(() => changeSettings(own.size, Number(event.target.value) as ImageChannels))}>
          <option value={1}>Grayscale</option>
          <option value={3}>Colour (RGB)</option>
        </select>
      </label>
      <div>
        <FileButton folder multiple disabled={busy} onFiles={(files) => run(() => addFolder(files))}>
          Add a folder (a sub-folder per class)
        </FileButton>{' '}
        <FileButton accept=".zip,application/zip" disabled={busy} onFiles={([file]) => file && run(() => addZip(file))}>
          Add a zip (a folder per class)
        </FileButton>
      </div>
      {own.classes.map((item, index) => (
        <ClassCard key={item.id} item={item} index={index} side={own.size} channels={own.channels} busy={busy} run={run} canRemove={own.classes.length > 2} />
      ))}
      {missing && <p className="hint">{missing}</p>}
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          const state = usePlayground.getState().ownImages;
          usePlayground.getState().setOwnImages({ ...state, classes: [...state.classes, { id: freshId(state.classes), name: `Class ${state.classes.length + 1}`, images: [] }] });
        }}
      >
        Add class
      </button>
      <p className="hint" aria-live="polite">
        {busy ? 'Reading images…' : [unreadable, note].filter(Boolean).join(' ')}
      </p>
    </fieldset>
  );
}
