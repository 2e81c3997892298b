import { describe, expect, it } from 'vitest';
import type { WorkerEvent } from '../engine/protocol';
import { epochRecord, runStartedEvent, testConfig } from '../testing/fixtures';
import { applyRunEvents, idleRun, type RunState } from './runState';
import { appendSteps, emptySteps, stepValues, truncateSteps } from './stepLog';

const epoch = (n: number, steps: number[]): WorkerEvent => ({ type: 'epoch', runId: 1, record: epochRecord(n), weights: null, stepLosses: Float32Array.from(steps) });

describe('the step log', () => {
  it('appends without disturbing an older log that shares its buffer', () => {
    const a = appendSteps(emptySteps, Float32Array.of(1, 2));
    const b = appendSteps(a, Float32Array.of(3));
    expect(Array.from(stepValues(a))).toEqual([1, 2]);
    expect(Array.from(stepValues(b))).toEqual([1, 2, 3]);
    expect(Array.from(stepValues(truncateSteps(b, 1)))).toEqual([1]);
  });

  it('grows past its first buffer', () => {
    let log = emptySteps;
    for (let i = 0; i < 3000; i++) log = appendSteps(log, Float32Array.of(i, i));
    expect(log.count).toBe(6000);
    expect(stepValues(log)[5999]).toBe(2999);
  });

  it('follows a run’s epochs, also when they come in one batch, and drops the steps a backend move trains again', () => {
    const start: RunState = { ...idleRun, runId: 1, phase: 'starting', setup: { datasetId: 'moons', layers: [], config: testConfig({ epochs: 5 }) } };
    const started = { ...runStartedEvent(1), stepsPerEpoch: 2 } as WorkerEvent;
    const run = applyRunEvents(start, [started, epoch(1, [5, 4]), epoch(2, [3, 2]), epoch(3, [1, 0.5])]);
    expect(Array.from(stepValues(run.steps))).toEqual([5, 4, 3, 2, 1, 0.5]);
    const moved = applyRunEvents(run, [{ type: 'movedBackend', runId: 1, backend: 'wasm', fromEpoch: 1, message: 'moved' }, epoch(2, [7, 8])]);
    expect(Array.from(stepValues(moved.steps))).toEqual([5, 4, 7, 8]);
  });
});
