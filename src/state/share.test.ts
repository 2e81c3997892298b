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
    expect(bad(`#e=${'A'.repeat(30_000)}`)).toMatch(/far too long/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
