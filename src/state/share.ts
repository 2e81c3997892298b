import { readSnapshot, type ExperimentSnapshot } from './experimentSchema';

const HASH_KEY = 'e';
/** Far more than any experiment needs (a default one takes under 1,000). */
const MAX_LINK_CHARS = 20_000;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The address hash that carries an experiment: `#e=` and its JSON in base64url. */
export function experimentHash(snapshot: ExperimentSnapshot): string {
  return `#${HASH_KEY}=${toBase64Url(JSON.stringify(snapshot))}`;
}

export type HashResult =
  | { kind: 'none' }
  | { kind: 'experiment'; snapshot: ExperimentSnapshot }
  | { kind: 'invalid'; message: string };

/** Reads an experiment from an address hash. Nothing in it is ever run: it is parsed and checked as data. */
export function readExperimentHash(hash: string): HashResult {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const encoded = params.get(HASH_KEY);
  if (encoded === null) return { kind: 'none' };
  const invalid = (reason: string): HashResult => ({
    kind: 'invalid',
    message: `The link's experiment could not be used (${reason}), so it was ignored.`,
  });
  // Checked before decoding: a link of megabytes is refused without being read.
  if (encoded.length > MAX_LINK_CHARS) {
    return invalid(`it is ${encoded.length.toLocaleString('en-US')} characters long; a playground link carries at most ${MAX_LINK_CHARS.toLocaleString('en-US')}`);
  }
  let json: string;
  try {
    json = fromBase64Url(encoded);
  } catch {
    return invalid('it is not encoded as the playground encodes links');
  }
  const read = readSnapshot(json);
  return read.ok ? { kind: 'experiment', snapshot: read.snapshot } : invalid(read.reason);
}

/**
 * The hash with the experiment taken out and anything else in it kept:
 * once a link's experiment is applied, the address must stop carrying it,
 * or every reload would put the link back over the person's later edits.
 */
export function hashWithoutExperiment(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.has(HASH_KEY)) return hash;
  params.delete(HASH_KEY);
  const rest = params.toString();
  return rest === '' ? '' : `#${rest}`;
}
