import { describe, expect, it } from 'vitest';
import type { EpochRecord, WorkerEvent } from '../engine/protocol';
import { applyRunEvents, idleRun, type RunState } from './runState';
import { statusText } from './statusText';

const record = (epoch: number, loss = 1 / epoch): EpochRecord => ({
  epoch,
  loss,
  valLoss: loss * 1.1,
  metric: 0.5,
  valMetric: 0.5,
  ms: 3,
});
const running: RunState = { ...idleRun, runId: 4, phase: 'starting', epochs: 10 };

describe('applyRunEvents', () => {
  it('follows a run from start to finish', () => {
    const events: WorkerEvent[] = [
      { type: 'runStarted', runId: 4, backend: 'webgl', params: 31 },
      { type: 'epoch', runId: 4, record: record(1) },
      { type: 'epoch', runId: 4, record: record(2) },
      { type: 'runEnded', runId: 4, outcome: { kind: 'completed', epochs: 2 }, tensorsBefore: 3, tensorsAfter: 3 },
    ];
    const run = applyRunEvents(running, events);
    expect(run.phase).toBe('ended');
    expect(run.params).toBe(31);
    expect(run.backend).toBe('webgl');
    expect(run.history.map((r) => r.epoch)).toEqual([1, 2]);
    expect(run.tensors).toEqual({ before: 3, after: 3 });
  });

  it('ignores events of other runs and epochs that do not continue the history', () => {
    const run = applyRunEvents(running, [
      { type: 'epoch', runId: 3, record: record(1) },
      { type: 'epoch', runId: 4, record: record(2) },
      { type: 'epoch', runId: 4, record: record(1) },
      { type: 'epoch', runId: 4, record: record(1) },
      { type: 'runEnded', runId: 3, outcome: { kind: 'stopped', epoch: 5 }, tensorsBefore: 0, tensorsAfter: 0 },
    ]);
    expect(run.history.map((r) => r.epoch)).toEqual([1]);
    expect(run.phase).toBe('starting');
  });

  it('pauses and resumes, and a worker error ends the run with its message', () => {
    let run = applyRunEvents(running, [{ type: 'runStarted', runId: 4, backend: 'cpu', params: 1 }]);
    run = applyRunEvents(run, [{ type: 'paused', runId: 4, epoch: 0 }]);
    expect(run.phase).toBe('paused');
    run = applyRunEvents(run, [{ type: 'resumed', runId: 4 }]);
    expect(run.phase).toBe('running');
    run = applyRunEvents(run, [{ type: 'error', runId: 4, message: 'The training worker crashed (boom).' }]);
    expect(run.phase).toBe('ended');
    expect(statusText(run)).toBe('The training worker crashed (boom).');
  });
});

describe('statusText', () => {
  it('reads out the epoch and both losses while running', () => {
    const run: RunState = { ...running, phase: 'running', history: [record(1, 0.5), record(2, 0.25)] };
    expect(statusText(run)).toBe('Epoch 2/10: loss 0.2500, val_loss 0.2750');
  });

  it('says why a run ended', () => {
    const base: RunState = { ...running, phase: 'ended', history: [record(1, 2)] };
    expect(statusText({ ...base, outcome: { kind: 'stopped', epoch: 1 } })).toBe(
      'Stopped at epoch 1. loss 2.000, val_loss 2.200',
    );
    expect(statusText({ ...base, outcome: { kind: 'diverged', epoch: 3, value: 'NaN' } })).toBe(
      'Diverged: loss became NaN at epoch 3. Try a smaller learning rate.',
    );
    expect(statusText({ ...base, outcome: { kind: 'completed', epochs: 1 } })).toBe(
      'Finished 1 epoch. loss 2.000, val_loss 2.200',
    );
  });

  it('says when paused and when idle', () => {
    expect(statusText(idleRun)).toBe('Ready. Press Train to start.');
    expect(statusText({ ...running, phase: 'paused', history: [record(1, 1)] })).toBe(
      'Paused. Epoch 1/10: loss 1.000, val_loss 1.100',
    );
  });
});
