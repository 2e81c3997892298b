import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventBatcher } from './eventBatcher';
import type { EpochRecord, WorkerEvent } from './protocol';

const record = (epoch: number): EpochRecord => ({ epoch, loss: 1 / epoch, valLoss: 1, metric: 0, valMetric: 0, ms: 0.1, learningRate: 0.03 });
const epoch = (n: number, runId = 1): WorkerEvent => ({ type: 'epoch', runId, record: record(n), weights: new Float32Array([n]), stepLosses: new Float32Array([1]) });

afterEach(() => vi.useRealTimers());

describe('EventBatcher', () => {
  it('sends the first epoch at once, holds the ones that follow within the batch time, then sends them together', () => {
    vi.useFakeTimers();
    let now = 0;
    const sent: WorkerEvent[][] = [];
    const batcher = new EventBatcher((events) => sent.push(events), () => now, 25);
    batcher.post(epoch(1));
    expect(sent.map((batch) => batch.length)).toEqual([1]);
    for (let n = 2; n <= 50; n++) {
      now += 0.2;
      batcher.post(epoch(n));
    }
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(25);
    expect(sent.map((batch) => batch.length)).toEqual([1, 49]);
    const epochs = sent.flat().map((event) => (event.type === 'epoch' ? event.record.epoch : -1));
    expect(epochs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('keeps only the newest waiting epoch’s weights, and never drops a record or its step losses', () => {
    vi.useFakeTimers();
    let now = 0;
    const sent: WorkerEvent[][] = [];
    const batcher = new EventBatcher((events) => sent.push(events), () => now, 25);
    batcher.post(epoch(1));
    now = 1;
    batcher.post(epoch(2));
    batcher.post(epoch(3));
    batcher.post(epoch(4));
    batcher.flush();
    const held = sent[1]!;
    expect(held.map((event) => (event.type === 'epoch' ? [event.record.epoch, event.weights?.[0] ?? null, event.stepLosses.length] : null))).toEqual([
      [2, null, 1],
      [3, null, 1],
      [4, 4, 1],
    ]);
  });

  it('sends what waits before any other event, so order is kept and a pause is seen at once', () => {
    vi.useFakeTimers();
    let now = 0;
    const sent: WorkerEvent[][] = [];
    const batcher = new EventBatcher((events) => sent.push(events), () => now, 25);
    batcher.post(epoch(1));
    now = 1;
    batcher.post(epoch(2));
    batcher.post({ type: 'paused', runId: 1, epoch: 2 });
    expect(sent.map((batch) => batch.map((event) => event.type))).toEqual([['epoch'], ['epoch', 'paused']]);
    // The timer the held epoch set has nothing left to send.
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(2);
  });

  it('sends a slow run’s epochs one by one, as they come', () => {
    let now = 0;
    const sent: WorkerEvent[][] = [];
    const batcher = new EventBatcher((events) => sent.push(events), () => now, 25);
    for (let n = 1; n <= 4; n++) {
      now += 40;
      batcher.post(epoch(n));
    }
    expect(sent.map((batch) => batch.length)).toEqual([1, 1, 1, 1]);
  });
});
