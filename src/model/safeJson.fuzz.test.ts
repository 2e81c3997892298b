import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_SEED, mangledText, runs, withinBound } from '../testing/fuzz';
import { MAX_JSON_DEPTH, nestsDeeperThan, parseSafeJson } from './safeJson';

/** The nesting depth of a parsed value, counted without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Text that is JSON, nearly JSON, or brackets nested at random depths. */
const text = fc.oneof(
  fc.json({ maxDepth: 6 }),
  fc.json({ maxDepth: 4 }).chain(mangledText),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', ',', ':', '1', ' ', '"a":'), maxLength: 600 }),
  fc.tuple(fc.integer({ min: 0, max: 3 * MAX_JSON_DEPTH }), fc.constantFrom('[', '{"k":')).map(([depth, open]) => {
    const close = open === '[' ? ']' : '}';
    return `${open.repeat(depth)}0${close.repeat(depth)}`;
  }),
);

describe('parseSafeJson on any text', () => {
  it('answers with a value or a named problem, never an exception, and agrees with JSON.parse', () => {
    fc.assert(
      fc.property(text, (input) => {
        const result = withinBound('parseSafeJson', () => parseSafeJson(input));
        let parsed: { ok: true; value: unknown } | { ok: false } = { ok: false };
        try {
          parsed = { ok: true, value: JSON.parse(input) as unknown };
        } catch {
          // Not JSON: the answer must say so (or report the depth, which is checked first).
        }
        if (result.ok) {
          expect(parsed.ok).toBe(true);
          expect(result.value).toEqual(parsed.ok ? parsed.value : undefined);
          expect(depthOf(result.value)).toBeLessThanOrEqual(MAX_JSON_DEPTH);
          return;
        }
        if (result.problem === 'tooDeep') expect(nestsDeeperThan(input, MAX_JSON_DEPTH)).toBe(true);
        if (result.problem === 'syntax') expect(parsed.ok).toBe(false);
        if (result.problem === 'forbiddenKey') expect(['__proto__', 'constructor', 'prototype']).toContain(result.key);
        // JSON that parses, has no forbidden key and is shallow enough is never refused.
        if (parsed.ok && depthOf(parsed.value) <= MAX_JSON_DEPTH && !/__proto__|constructor|prototype|\\u/.test(input)) {
          expect(result).toEqual({ ok: true, value: parsed.value });
        }
      }),
      { seed: FUZZ_SEED, numRuns: runs(1500) },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('measures the depth of parsed JSON exactly: deeper than the limit is refused, up to it is read', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 8 }), fc.integer({ min: 0, max: MAX_JSON_DEPTH + 5 }), (json, wraps) => {
        const input = `${'['.repeat(wraps)}${json}${']'.repeat(wraps)}`;
        const depth = depthOf(JSON.parse(input) as unknown);
        expect(nestsDeeperThan(input, MAX_JSON_DEPTH)).toBe(depth > MAX_JSON_DEPTH);
      }),
      { seed: FUZZ_SEED, numRuns: runs(500) },
    );
  });
});
