/** Keys that could reach an object's prototype if a careless merge copied them. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

export type SafeJson =
  | { ok: true; value: unknown }
  /** `truncated`: it opens an object or list and never closes it, as a file cut off while saving does. */
  | { ok: false; problem: 'syntax'; truncated: boolean }
  | { ok: false; problem: 'forbiddenKey'; key: string };

/**
 * JSON.parse for text from outside (a file, a link) that refuses keys which
 * could pollute prototypes wherever they sit, however they are spelled
 * (`"\u005f_proto__"` is the same key once parsed).
 */
export function parseSafeJson(text: string): SafeJson {
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
