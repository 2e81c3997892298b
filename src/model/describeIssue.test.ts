import { describe, expect, it } from 'vitest';
import { z } from './zodSetup';
import { describeIssue } from './describeIssue';

const schema = z.object({
  rate: z.number().gt(0).max(10),
  count: z.number().int().min(1),
  kind: z.enum(['a', 'b']),
  many: z.enum(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8']),
  list: z.array(z.number()).max(2),
  layer: z.discriminatedUnion('type', [z.object({ type: z.literal('dense') }), z.object({ type: z.literal('flatten') })]),
});
const valid = { rate: 1, count: 1, kind: 'a', many: 'c0', list: [], layer: { type: 'dense' } };

/** The words for the first issue of a value that differs from a valid one by `patch`. */
const words = (patch: Record<string, unknown>): string => {
  const parsed = schema.safeParse({ ...valid, ...patch });
  if (parsed.success) throw new Error('expected an issue');
  return describeIssue(parsed.error.issues[0]!);
};

describe('schema issues in plain words', () => {
  it('name the field and the bound it breaks', () => {
    expect(words({ rate: 1e308 })).toBe('"rate" must be at most 10');
    expect(words({ rate: 0 })).toBe('"rate" must be above 0');
    expect(words({ count: -3 })).toBe('"count" must be at least 1');
    expect(words({ count: 1e12 * 1e12 })).toMatch(/^"count" must be at most 9,007,199,254,740,991$/);
    expect(words({ list: [1, 2, 3] })).toBe('"list" has more than 2 entries');
  });

  it('say what kind of value was expected, or that it is missing', () => {
    expect(words({ count: 1.5 })).toBe('"count" must be a whole number');
    expect(words({ rate: 'javascript:alert(1)' })).toBe('"rate" must be a number');
    expect(words({ rate: undefined })).toBe('"rate" is missing');
  });

  it('list a few choices, and never repeat the value it was given', () => {
    expect(words({ kind: '<img src=x onerror=alert(1)>' })).toBe('"kind" must be one of "a", "b"');
    expect(words({ many: 'z' })).toBe('"many" is not one the playground has');
    expect(words({ layer: { type: '<script>' } })).toBe('"layer.type" must be one of "dense", "flatten"');
  });

  it('keep a message written for the schema', () => {
    const format = z.object({ format: z.literal('layers-model', { error: 'this is not a tfjs layers model' }), size: z.number().refine((n) => n % 2 === 0, 'must be even') });
    const first = (value: unknown) => {
      const parsed = format.safeParse(value);
      return parsed.success ? 'accepted' : describeIssue(parsed.error.issues[0]!);
    };
    expect(first({ format: 'graph-model', size: 2 })).toBe('"format": this is not a tfjs layers model');
    expect(first({ format: 'layers-model', size: 3 })).toBe('"size": must be even');
  });

  it('describe a value with no path as the value', () => {
    const parsed = z.number().safeParse('x');
    expect(parsed.success || describeIssue(parsed.error.issues[0]!)).toBe('the value must be a number');
  });
});
