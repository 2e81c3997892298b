/**
 * Shared pieces of the fuzzers of outside input (CSV, model files, links,
 * stored state): a fixed seed so a failure reproduces, a time bound per
 * input, and mutations of valid JSON into the near misses a corpus holds.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** Fixed, so a counterexample reproduces; FUZZ_SEED=7 FUZZ_RUNS_SCALE=20 npx vitest run <file> explores further. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);

/** The number of runs for a fuzzer, scaled by FUZZ_RUNS_SCALE (a multiplier, 1 by default) for longer explorations. */
export const runs = (base: number): number => Math.max(1, Math.round(base * Number(process.env.FUZZ_RUNS_SCALE ?? 1)));

/**
 * The most one input may take, in milliseconds. Generous, because two
 * cores are shared with other work; a hang or a quadratic blow-up on a few
 * kilobytes is still far beyond it.
 */
export const TIME_BOUND_MS = 2_000;

/** Runs `read` and expects it to return (never throw) within the time bound. */
export function withinBound<T>(what: string, read: () => T): T {
  const started = performance.now();
  let result: T;
  try {
    result = read();
  } catch (error) {
    throw new Error(`${what} threw instead of answering: ${error instanceof Error ? error.stack : String(error)}`);
  }
  expect(performance.now() - started, `${what}: milliseconds`).toBeLessThan(TIME_BOUND_MS);
  return result;
}

/** A message a person can read: a non-empty sentence, not an exception's text. */
export function expectMessage(message: unknown): void {
  expect(typeof message).toBe('string');
  expect((message as string).trim().length).toBeGreaterThan(0);
  expect(message as string).not.toMatch(/\b(TypeError|RangeError|SyntaxError|undefined is not|cannot read propert)/i);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside `value` (the root is []). */
function pathsOf(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) pathsOf(value[key]!, [...path, key], out);
  return out;
}

/** Odd values a near-miss file holds in place of a right one. */
const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1e308, -1e308, 5e-324, '', 'NaN', 'Infinity', '__proto__', '<img src=x onerror=alert(1)>', [], {}),
  fc.double().map((d): Json => (Number.isFinite(d) ? d : String(d))),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.string({ maxLength: 12 }),
  fc.json({ maxDepth: 3 }).map((text) => JSON.parse(text) as Json),
);

/** One edit of a JSON value: replace, delete or duplicate a part, or wrap it in lists. */
type Edit = { path: number; kind: 'replace' | 'delete' | 'wrap' | 'swapType'; value: Json; depth: number };

const editArb: fc.Arbitrary<Edit> = fc.record({
  path: fc.nat(),
  kind: fc.constantFrom('replace', 'delete', 'wrap', 'swapType'),
  value: oddValue,
  depth: fc.integer({ min: 1, max: 400 }),
});

function applyEdit(root: Json, edit: Edit): Json {
  const paths = pathsOf(root);
  const path = paths[edit.path % paths.length]!;
  const next = structuredClone(root);
  const replace = (old: Json): Json | undefined => {
    switch (edit.kind) {
      case 'replace':
        return edit.value;
      case 'delete':
        return undefined;
      case 'wrap': {
        let wrapped = old;
        for (let i = 0; i < edit.depth; i++) wrapped = [wrapped];
        return wrapped;
      }
      case 'swapType':
        return typeof old === 'number' ? String(old) : typeof old === 'string' ? Number(old) || 0 : Array.isArray(old) ? { 0: old[0] ?? null } : [old];
    }
  };
  if (path.length === 0) return replace(next) ?? null;
  let parent = next as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  const value = replace(parent[last]!);
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = value;
  return next;
}

/** Near misses of a valid JSON value: a few random edits anywhere in it. */
export const mutatedJson = (valid: Json, maxEdits = 3): fc.Arbitrary<Json> =>
  fc.array(editArb, { minLength: 1, maxLength: maxEdits }).map((edits) => edits.reduce(applyEdit, valid));

/** Text around a JSON text: cut off, with bytes spliced in, or left whole. */
export const mangledText = (text: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant(text),
    fc.nat({ max: Math.max(0, text.length - 1) }).map((at) => text.slice(0, at)),
    fc.tuple(fc.nat({ max: text.length }), fc.string({ maxLength: 8 })).map(([at, junk]) => text.slice(0, at) + junk + text.slice(at)),
    fc.tuple(fc.nat({ max: text.length }), fc.constantFrom('[', '{', '"', '\\', ']', '}', ',', ':', '\u0000', '\uD800')).map(([at, c]) => text.slice(0, at) + c + text.slice(at)),
  );

export type { Json };
