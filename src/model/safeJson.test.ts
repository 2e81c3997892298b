import { describe, expect, it } from 'vitest';
import { parseSafeJson } from './safeJson';

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
