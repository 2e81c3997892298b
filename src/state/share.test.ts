import { describe, expect, it } from 'vitest';
import { defaultExperiment } from './defaults';
import { snapshotOf, type ExperimentSnapshot } from './experimentSchema';
import { experimentHash, readExperimentHash } from './share';

const snapshot = (): ExperimentSnapshot => {
  const { layers, config } = defaultExperiment('circle');
  return snapshotOf({ datasetId: 'circle', synthetic: { numPoints: 300, noise: 0.4, seed: 9 }, layers, config, dropoutRate: 0.25 })!;
};
const hashOf = (value: unknown) => `#e=${btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;

describe('experiment links', () => {
  it('round-trip exactly', () => {
    const original = snapshot();
    const read = readExperimentHash(experimentHash(original));
    expect(read).toEqual({ kind: 'experiment', snapshot: original });
  });

  it("carry early stopping's monitor, mode and baseline, and read links made before they existed", () => {
    const base = snapshot();
    const monitored = { ...base, config: { ...base.config, earlyStopping: { ...base.config.earlyStopping, enabled: true, monitor: 'val_metric', mode: 'max', baseline: 0.8 } } } as const;
    expect(readExperimentHash(experimentHash(monitored))).toEqual({ kind: 'experiment', snapshot: monitored });
    const { monitor: _m, mode: _o, baseline: _b, ...before } = base.config.earlyStopping;
    const old = readExperimentHash(hashOf({ ...base, config: { ...base.config, earlyStopping: before } }));
    expect(old.kind).toBe('experiment');
    expect(readExperimentHash(hashOf({ ...monitored, config: { ...monitored.config, earlyStopping: { ...monitored.config.earlyStopping, monitor: 'val_precision' } } })).kind).toBe('invalid');
  });

  it('are compact: a default experiment fits in well under a kilobyte', () => {
    expect(experimentHash(snapshot()).length).toBeLessThan(1000);
  });

  it('with no experiment in the hash say so', () => {
    expect(readExperimentHash('')).toEqual({ kind: 'none' });
    expect(readExperimentHash('#other=1')).toEqual({ kind: 'none' });
  });

  it('report and ignore anything that does not validate', () => {
    const bad = (hash: string) => {
      const read = readExperimentHash(hash);
      expect(read.kind).toBe('invalid');
      return read.kind === 'invalid' ? read.message : '';
    };
    expect(bad('#e=%%%not-base64')).toMatch(/not encoded as the playground encodes links/);
    expect(bad(hashOf('{'))).toMatch(/could not be used/);
    expect(bad(hashOf({ ...snapshot(), dataset: 'secret-file' }))).toMatch(/"dataset"/);
    expect(bad(hashOf({ ...snapshot(), layers: [{ kind: 'dense', units: 1e9, activation: 'relu' }] }))).toMatch(/"layers.0.units"/);
    expect(bad(hashOf({ ...snapshot(), layers: [{ kind: 'lambda', code: 'alert(1)' }] }))).toMatch(/"layers.0.kind"/);
    expect(bad(hashOf({ ...snapshot(), config: { ...snapshot().config, learningRate: 'javascript:alert(1)' } }))).toMatch(/learningRate/);
    expect(bad(`#e=${btoa('{"__proto__":{"polluted":1},"v":1}')}`)).toMatch(/never part of an experiment/);
    expect(bad(hashOf(JSON.parse(`${'['.repeat(1_000)}${']'.repeat(1_000)}`)))).toMatch(/it is JSON nested more than 256 levels deep, which no experiment is/);
    expect(bad(`#e=${'A'.repeat(30_000)}`)).toMatch(/30,000 characters long; a playground link carries at most 20,000/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuse absurd numbers where the link is read, naming the field and the bound in plain words', () => {
    const bad = (config: Record<string, unknown>) => {
      const read = readExperimentHash(hashOf({ ...snapshot(), config: { ...snapshot().config, ...config } }));
      return read.kind === 'invalid' ? read.message : 'accepted';
    };
    expect(bad({ learningRate: 1e308 })).toBe(`The link's experiment could not be used ("config.learningRate" must be at most 10), so it was ignored.`);
    expect(bad({ learningRate: 0 })).toContain('"config.learningRate" must be above 0');
    expect(bad({ epochs: 1e12 })).toContain('"config.epochs" must be at most 10,000');
    expect(bad({ batchSize: -32 })).toContain('"config.batchSize" must be at least 1');
    expect(bad({ batchSize: 1e9 })).toContain('"config.batchSize" must be at most 100,000');
    expect(bad({ validationSplit: 5 })).toContain('"config.validationSplit" must be below 1');
  });

  it('find a prototype key however it is escaped, and never echo markup from the link', () => {
    const escaped = `#e=${Buffer.from('{"\\u005f_proto__": {"polluted": 1}, "v": 1}').toString('base64url')}`;
    expect(readExperimentHash(escaped)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('never part of an experiment') });
    const markup = readExperimentHash(hashOf({ ...snapshot(), dataset: '<img src=x onerror="window.__pwned=1">' }));
    expect(markup).toMatchObject({ kind: 'invalid', message: expect.stringContaining('"dataset" is not one the playground has') });
    expect(markup.kind === 'invalid' && markup.message).not.toContain('<img');
  });

  it('ignore fields they do not know, and give layers fresh ids rather than ones from the link', () => {
    const original = snapshot();
    const read = readExperimentHash(hashOf({ ...original, note: '<script>window.__pwned=1</script>', layers: original.layers.map((l) => ({ ...l, id: '<svg onload=alert(1)>' })) }));
    expect(read).toEqual({ kind: 'experiment', snapshot: original });
  });
});
