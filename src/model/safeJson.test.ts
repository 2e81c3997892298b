import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestsDeeperThan, parseSafeJson } from './safeJson';

describe('parseSafeJson', () => {
  it('parses ordinary JSON', () => {
    expect(parseSafeJson('{"a": [1, "two"]}')).toEqual({ ok: true, value: { a: [1, 'two'] } });
  });

  it('refuses prototype keys at any depth and however they are escaped', () => {
    expect(parseSafeJson('{"a": {"__proto__": {"polluted": 1}}}')).toEqual({ ok: false, problem: 'forbiddenKey', key: '__proto__' });
    expect(parseSafeJson('{"\\u005f_proto__": {"polluted": 1}}')).toEqual({ ok: false, problem: 'forbiddenKey', key: '__proto__' });
    expect(parseSafeJson('[{"constructor": {"prototype": {"polluted": 1}}}]')).toEqual({ ok: false, problem: 'forbiddenKey', key: 'constructor' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('tells a file cut off in the middle from text that is not JSON at all', () => {
    expect(parseSafeJson('{"format": "layers-model", "modelTo')).toEqual({ ok: false, problem: 'syntax', truncated: true });
    expect(parseSafeJson('[1, 2,')).toEqual({ ok: false, problem: 'syntax', truncated: true });
    expect(parseSafeJson('<script>window.__pwned = 1</script>')).toEqual({ ok: false, problem: 'syntax', truncated: false });
    expect(parseSafeJson('{"a": 1,}')).toEqual({ ok: false, problem: 'syntax', truncated: false });
    expect(parseSafeJson('')).toEqual({ ok: false, problem: 'syntax', truncated: false });
  });
});

describe('JSON nested too deeply', () => {
  // Made at test time: lists in lists, objects in objects, and the two mixed, from just past the limit to 100,000 levels.
  const nested = (depth: number, kind: 'list' | 'object' | 'mixed'): string => {
    const open = (i: number) => (kind === 'list' || (kind === 'mixed' && i % 2 === 0) ? '[' : '{"a":');
    const close = (i: number) => (kind === 'list' || (kind === 'mixed' && i % 2 === 0) ? ']' : '}');
    let head = '';
    let tail = '';
    for (let i = 0; i < depth; i++) {
      head += open(i);
      tail = close(i) + tail;
    }
    return `${head}1${tail}`;
  };

  it.each([
    [MAX_JSON_DEPTH + 1, 'list'],
    [1_000, 'object'],
    [10_000, 'mixed'],
    [100_000, 'list'],
    [100_000, 'object'],
  ] as const)('reports %i levels of %s nesting as too deep, not as "not JSON"', (depth, kind) => {
    const text = nested(depth, kind);
    // It is JSON: V8 parses it without a reviver. The reviver, like zod, would recurse once per level.
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(parseSafeJson(text)).toEqual({ ok: false, problem: 'tooDeep', limit: MAX_JSON_DEPTH });
  });

  it('reports a deep file cut off in the middle as too deep too: the depth is known before the end', () => {
    expect(parseSafeJson('['.repeat(100_000))).toEqual({ ok: false, problem: 'tooDeep', limit: MAX_JSON_DEPTH });
  });

  it('accepts nesting up to the limit, and counts no brackets inside strings', () => {
    expect(parseSafeJson(nested(MAX_JSON_DEPTH, 'mixed')).ok).toBe(true);
    const inString = JSON.stringify({ note: '['.repeat(10_000), quoted: '\\"[[[', more: '\\\\' });
    expect(parseSafeJson(inString).ok).toBe(true);
    expect(nestsDeeperThan(`["${'\\"'.repeat(5)}[[[["]`, 1)).toBe(false);
    expect(nestsDeeperThan('[[]]', 1)).toBe(true);
  });

  it('scans 100,000 levels quickly, without recursion', () => {
    const text = nested(100_000, 'mixed');
    const started = performance.now();
    parseSafeJson(text);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
