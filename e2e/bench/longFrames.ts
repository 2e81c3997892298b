import type { Page } from '@playwright/test';

/** One script Chromium blamed for part of a long animation frame (Long Animation Frames API). */
export interface FrameScript {
  /** What ran it: "Window.requestAnimationFrame", "Worker.onmessage", "DOMWindow.onclick"… */
  invoker: string;
  sourceURL: string;
  sourceFunctionName: string;
  /** Milliseconds the script ran, and of those the time spent in style and layout it forced. */
  duration: number;
  forcedStyleAndLayoutDuration: number;
}

/** A frame whose work kept the main thread busy past 50 ms. */
export interface LongFrame {
  duration: number;
  blockingDuration: number;
  /** Milliseconds of rendering (style, layout, paint) at the end of the frame. */
  renderDuration: number;
  scripts: FrameScript[];
}

export interface MainThreadRecord {
  /** Durations of the main thread's tasks over 50 ms (Long Tasks API), rounded. */
  longTasks: number[];
  longFrames: LongFrame[];
}

/**
 * Installs, before the page's own scripts run, observers of the main thread's
 * long tasks (how many, how long) and long animation frames (which scripts
 * made them); they record only while `window.__mainThread.recording` is true.
 * Call before `page.goto`.
 */
export async function observeMainThread(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state = { recording: false, longTasks: [] as number[], longFrames: [] as unknown[] };
    (window as unknown as { __mainThread: typeof state }).__mainThread = state;
    new PerformanceObserver((list) => {
      if (!state.recording) return;
      for (const entry of list.getEntries()) if (entry.duration > 50) state.longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: false });
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      new PerformanceObserver((list) => {
        if (!state.recording) return;
        for (const raw of list.getEntries()) {
          const entry = raw as PerformanceEntry & {
            blockingDuration: number;
            renderStart: number;
            scripts: { invoker: string; sourceURL: string; sourceFunctionName: string; duration: number; forcedStyleAndLayoutDuration: number }[];
          };
          if (entry.duration <= 50) continue;
          state.longFrames.push({
            duration: Math.round(entry.duration),
            blockingDuration: Math.round(entry.blockingDuration),
            renderDuration: entry.renderStart > 0 ? Math.round(entry.startTime + entry.duration - entry.renderStart) : 0,
            scripts: entry.scripts.map((s) => ({
              invoker: s.invoker,
              sourceURL: s.sourceURL.replace(location.origin, ''),
              sourceFunctionName: s.sourceFunctionName,
              duration: Math.round(s.duration),
              forcedStyleAndLayoutDuration: Math.round(s.forcedStyleAndLayoutDuration),
            })),
          });
        }
      }).observe({ type: 'long-animation-frame', buffered: false });
    }
  });
}

/** Starts recording, dropping what was recorded before. */
export const startRecording = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const state = (window as unknown as { __mainThread: { recording: boolean; longTasks: number[]; longFrames: unknown[] } }).__mainThread;
    state.longTasks = [];
    state.longFrames = [];
    state.recording = true;
  });

/** Stops recording and returns what was recorded. */
export const stopRecording = (page: Page): Promise<MainThreadRecord> =>
  page.evaluate(() => {
    const state = (window as unknown as { __mainThread: MainThreadRecord & { recording: boolean } }).__mainThread;
    state.recording = false;
    return { longTasks: state.longTasks, longFrames: state.longFrames };
  });
