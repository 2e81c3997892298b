import { describe, expect, it } from 'vitest';
import type { WorkerEvent } from '../engine/protocol';
import { epochEvent, epochRecord, runEndedEvent, runStartedEvent, testConfig } from '../testing/fixtures';
import { applyRunEvents, idleRun, type RunState } from './runState';
import { statusText } from './statusText';

const running: RunState = {
  ...idleRun,
  runId: 4,
  phase: 'starting',
  setup: { datasetId: 'concrete', layers: [], config: testConfig({ epochs: 10 }) },
};

describe('applyRunEvents', () => {
  it('follows a run from start to finish', () => {
    const weights = Float32Array.from([1, 2]);
    const events: WorkerEvent[] = [
      { type: 'runStarted', runId: 4, backend: 'webgl', params: 31, stepsPerEpoch: 3, weightLayout: [{ layerIndex: 0, name: 'bias', shape: [2] }] },
      epochEvent(4, 1),
      { type: 'epoch', runId: 4, record: epochRecord(2), weights, stepLosses: Float32Array.of(0.5) },
      runEndedEvent(4, { kind: 'completed', epochs: 2, restoredFrom: null }, 3),
    ];
    const run = applyRunEvents(running, events);
    expect(run.phase).toBe('ended');
    expect(run.params).toBe(31);
    expect(run.backend).toBe('webgl');
    expect(run.history.map((r) => r.epoch)).toEqual([1, 2]);
    expect(run.weights).toBe(weights);
    expect(run.tensors).toEqual({ before: 3, after: 3 });
  });

  it('ignores events of other runs and epochs that do not continue the history', () => {
    const run = applyRunEvents(running, [
      epochEvent(3, 1),
      epochEvent(4, 2),
      epochEvent(4, 1),
      epochEvent(4, 1),
      runEndedEvent(3, { kind: 'stopped', epoch: 5 }),
    ]);
    expect(run.history.map((r) => r.epoch)).toEqual([1]);
    expect(run.phase).toBe('starting');
  });

  it('appends many epochs of one batch in order', () => {
    const events = Array.from({ length: 500 }, (_, i) => epochEvent(4, i + 1));
    const run = applyRunEvents(running, [runStartedEvent(4), ...events.slice(0, 250), { type: 'paused', runId: 4, epoch: 250 }, ...events.slice(250)]);
    expect(run.history.map((r) => r.epoch)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(running.history).toEqual([]);
  });

  it('a run moved to another backend drops the epochs it trains again, and says why', () => {
    const run = applyRunEvents(running, [
      { type: 'runStarted', runId: 4, backend: 'webgl', params: 31, stepsPerEpoch: 3, weightLayout: null },
      ...[1, 2, 3, 4].map((epoch) => epochEvent(4, epoch)),
      { type: 'learningRateChanged', runId: 4, epoch: 4, learningRate: 0.1 },
      { type: 'movedBackend', runId: 4, backend: 'wasm', fromEpoch: 2, message: 'WebGL stopped working during epoch 5.' },
      ...[3, 4, 5].map((epoch) => epochEvent(4, epoch)),
    ]);
    expect(run.history.map((r) => r.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(run.learningRateChanges).toEqual([]);
    expect(run.backend).toBe('wasm');
  });

  it('records learning-rate changes with the epoch they took effect in', () => {
    const run = applyRunEvents(running, [{ type: 'learningRateChanged', runId: 4, epoch: 3, learningRate: 0.1 }]);
    expect(run.learningRateChanges).toEqual([{ epoch: 3, learningRate: 0.1 }]);
  });

  it('pauses and resumes, and a worker error ends the run with its message', () => {
    let run = applyRunEvents(running, [runStartedEvent(4)]);
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
    const run: RunState = { ...running, phase: 'running', history: [epochRecord(1, 0.5), epochRecord(2, 0.25)] };
    expect(statusText(run)).toBe('Epoch 2/10: loss 0.2500, val_loss 0.2750');
  });

  it('says why a run ended', () => {
    const base: RunState = { ...running, phase: 'ended', history: [epochRecord(1, 2)] };
    expect(statusText({ ...base, outcome: { kind: 'stopped', epoch: 1 } })).toBe('Stopped at epoch 1. loss 2.000, val_loss 2.200');
    expect(statusText({ ...base, outcome: { kind: 'diverged', epoch: 3, value: 'NaN', keptEpoch: 2 } })).toBe(
      'Diverged: loss became NaN at epoch 3; the weights of epoch 2 are kept. Try a learning rate below 0.1, such as 0.01.',
    );
    expect(statusText({ ...base, outcome: { kind: 'diverged', epoch: 1, value: 'Infinity', keptEpoch: 0 } })).toMatch(
      /^Diverged: loss became Infinity at epoch 1; the initial weights are kept\./,
    );
    expect(statusText({ ...base, outcome: { kind: 'completed', epochs: 1, restoredFrom: null } })).toBe(
      'Finished 1 epoch. loss 2.000, val_loss 2.200',
    );
  });

  it('names the restored epoch after early stopping and at the epoch limit', () => {
    const base: RunState = { ...running, phase: 'ended', history: [epochRecord(1, 2)] };
    expect(statusText({ ...base, outcome: { kind: 'earlyStopped', epoch: 34, bestEpoch: 14, restoredFrom: 14 } })).toBe(
      'Stopped early at epoch 34; restored weights from epoch 14.',
    );
    expect(statusText({ ...base, outcome: { kind: 'earlyStopped', epoch: 34, bestEpoch: 14, restoredFrom: null } })).toBe(
      'Stopped early at epoch 34; the best epoch was 14.',
    );
    expect(statusText({ ...base, outcome: { kind: 'completed', epochs: 100, restoredFrom: 87 } })).toMatch(
      /^Finished 100 epochs; restored weights from epoch 87\./,
    );
  });

  it('says when paused and when idle', () => {
    expect(statusText(idleRun)).toBe('Ready. Press Train to start.');
    expect(statusText({ ...running, phase: 'paused', history: [epochRecord(1, 1)] })).toBe(
      'Paused. Epoch 1/10: loss 1.000, val_loss 1.100',
    );
  });
});

describe('the forecast probe', () => {
  it('is kept apart from the other views’ pictures, so a feature-map probe does not blank the Forecast figure', () => {
    const forecast = { train: Float32Array.of(1), validation: Float32Array.of(2), rollOut: null };
    const run = applyRunEvents(running, [
      { type: 'probe', runId: 4, epoch: 3, result: { neurons: null, forecast } },
      { type: 'probe', runId: 4, epoch: 4, result: { neurons: null, featureMaps: { inputId: 1, layers: [], output: Float32Array.of(0) } } },
    ]);
    expect(run.forecast).toEqual({ epoch: 3, result: forecast });
    expect(run.probe?.epoch).toBe(4);
  });
});
