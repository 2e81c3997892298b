/** Keys that could reach an object's prototype if a careless merge copied them. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

export type SafeJson =
  | { ok: true; value: unknown }
  /** `truncated`: it opens an object or list and never closes it, as a file cut off while saving does. */
  | { ok: false; problem: 'syntax'; truncated: boolean }
  | { ok: false; problem: 'forbiddenKey'; key: string }
  /** Lists and objects inside each other more than `limit` levels deep: JSON, but never a model, link or saved state. */
  | { ok: false; problem: 'tooDeep'; limit: number };

/**
 * Deeper than any file, link or saved state the playground writes (they
 * nest a dozen levels at most), and far below what the reviver below and
 * zod, which walk values by recursion, can take before the stack overflows.
 */
export const MAX_JSON_DEPTH = 256;

/**
 * True when brackets and braces outside strings nest deeper than `limit`.
 * One loop over the characters, no recursion: 100,000 levels cost a scan,
 * not a stack overflow. Malformed text is left to JSON.parse to refuse.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character, a quote among them
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * JSON.parse for text from outside (a file, a link) that refuses keys which
 * could pollute prototypes wherever they sit, however they are spelled
 * (`"\u005f_proto__"` is the same key once parsed).
 */
export function parseSafeJson(text: string): SafeJson {
  // Before parsing: the reviver recurses once per level, and a deep enough file overflows it into a RangeError.
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return { ok: false, problem: 'tooDeep', limit: MAX_JSON_DEPTH };
  let forbidden: string | null = null;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, v: unknown) => {
      // The reviver visits inner keys first: the last one seen is the outermost, the one to name.
      if (forbiddenKeys.has(key)) forbidden = key;
      return v;
    });
  } catch {
    const trimmed = text.trim();
    const opener = trimmed[0];
    const truncated = (opener === '{' && !trimmed.endsWith('}')) || (opener === '[' && !trimmed.endsWith(']'));
    return { ok: false, problem: 'syntax', truncated };
  }
  if (forbidden !== null) return { ok: false, problem: 'forbiddenKey', key: forbidden };
  return { ok: true, value };
}
