import { describe, expect, it } from 'vitest';
import { TrainingClient } from '../engine/client';
import { FakeWorker } from '../engine/fakeWorker';
import { testConfig } from '../testing/fixtures';
import { createTestHooks, wantsTestHooks } from './testHooks';

describe('test hooks', () => {
  it('are asked for only by a testHooks parameter in the address', () => {
    expect(wantsTestHooks('?testHooks')).toBe(true);
    expect(wantsTestHooks('?backend=cpu&testHooks=1')).toBe(true);
    expect(wantsTestHooks('')).toBe(false);
    expect(wantsTestHooks('?backend=cpu')).toBe(false);
  });

  it('kill the worker as a crash, and report the tensor counts of the last run that ended', () => {
    const workers: FakeWorker[] = [];
    const client = new TrainingClient('cpu', () => {
      workers.push(new FakeWorker());
      return workers.at(-1)!;
    });
    const hooks = createTestHooks(client);
    expect(hooks.lastRunTensors()).toBeNull();
    const payload = { xTrain: new Float32Array(1), yTrain: new Float32Array(1), xVal: new Float32Array(1), yVal: new Float32Array(1) };
    const start = () =>
      client.startRun({
        layers: [{ id: 'a', kind: 'dense', units: 1, activation: 'linear' }],
        task: { kind: 'regression' },
        config: testConfig(),
        initialModel: null,
        data: { ...payload, inputShape: [1], targetSize: 1, grid: null },
      });
    const first = start();
    workers[0]!.emit({
      type: 'runEnded',
      runId: first,
      outcome: { kind: 'stopped', epoch: 1 },
      tensorsBefore: 3,
      tensorsAfter: 5,
      weights: null,
      model: null,
    });
    expect(hooks.lastRunTensors()).toEqual({ before: 3, after: 5 });
    start();
    hooks.killWorker();
    expect(workers[0]!.terminated).toBe(true);
    // A killed run never ends on its own: the last counts stay those of the run before.
    expect(hooks.lastRunTensors()).toEqual({ before: 3, after: 5 });
  });
});
