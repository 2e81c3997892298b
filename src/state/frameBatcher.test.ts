import { describe, expect, it } from 'vitest';
import { createFrameBatcher } from './frameBatcher';

/** A page's frames by hand: `frame()` runs what waits for the next one, `clock` is performance.now. */
function frames() {
  let queued: (() => void)[] = [];
  const state = { clock: 0 };
  return {
    state,
    schedule: (run: () => void) => queued.push(run),
    now: () => state.clock,
    /** Advances the clock one 60 Hz frame and runs the frame's callbacks, then the microtasks they queued. */
    async frame(ms = 1000 / 60): Promise<void> {
      state.clock += ms;
      const run = queued;
      queued = [];
      for (const callback of run) callback();
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

describe('createFrameBatcher', () => {
  it('hands over everything pushed within a frame in one batch, in order', async () => {
    const page = frames();
    const batches: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => batches.push(items), { schedule: page.schedule, now: page.now, paced: true });
    batcher.push(1);
    batcher.push(2);
    batcher.push(3);
    expect(batches).toEqual([]);
    await page.frame();
    expect(batches).toEqual([[1, 2, 3]]);
    await page.frame();
    expect(batches).toHaveLength(1);
  });

  it('waits out the shortest interval, but hands over an urgent item on the next frame', async () => {
    const page = frames();
    const batches: string[][] = [];
    const batcher = createFrameBatcher<string>((items) => batches.push(items), {
      schedule: page.schedule,
      now: page.now,
      paced: true,
      minIntervalMs: 50,
      urgent: (item) => item === 'paused',
    });
    batcher.push('epoch 1');
    await page.frame();
    expect(batches).toEqual([['epoch 1']]);
    batcher.push('epoch 2');
    await page.frame();
    await page.frame();
    expect(batches).toHaveLength(1);
    batcher.push('paused');
    await page.frame();
    expect(batches).toEqual([['epoch 1'], ['epoch 2', 'paused']]);
  });

  it('updates at most every minIntervalMs: 15 to 20 times a second at 60 frames a second for 50 ms', async () => {
    const page = frames();
    const at: number[] = [];
    const batcher = createFrameBatcher<number>(() => at.push(page.state.clock), { schedule: page.schedule, now: page.now, paced: true, minIntervalMs: 50 });
    for (let frame = 0; frame < 60; frame++) {
      batcher.push(frame);
      await page.frame();
    }
    expect(at.length).toBeGreaterThanOrEqual(15);
    expect(at.length).toBeLessThanOrEqual(20);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(50);
  });

  it('spaces costly hand-overs out so they take at most maxShare of the time, up to maxIntervalMs', async () => {
    const page = frames();
    let costMs = 40;
    const at: number[] = [];
    const batcher = createFrameBatcher<number>(
      () => {
        at.push(page.state.clock);
        // The render the update causes, in a microtask, as React does it.
        queueMicrotask(() => (page.state.clock += costMs));
      },
      { schedule: page.schedule, now: page.now, paced: true, minIntervalMs: 50, maxIntervalMs: 250, maxShare: 1 / 3 },
    );
    batcher.push(0);
    await page.frame();
    expect(batcher.intervalMs).toBeCloseTo(120);
    for (let frame = 1; frame < 30; frame++) {
      batcher.push(frame);
      await page.frame();
    }
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(120);
    costMs = 1000;
    batcher.push(99);
    for (let frame = 0; frame < 10; frame++) await page.frame();
    expect(batcher.intervalMs).toBe(250);
    costMs = 1;
    batcher.push(100);
    for (let frame = 0; frame < 20; frame++) await page.frame();
    expect(batcher.intervalMs).toBe(50);
  });
});
