import type { Page } from '@playwright/test';

/*
 * Chromium's own trace of a run, read back to say which code made the main
 * thread's long tasks: each task over 50 ms with its CPU time (far below its
 * wall time when other processes took the cores) and the functions the V8
 * sampling profiler caught in it. Build the app without minifying
 * (`vite build --minify false`) for readable names.
 */

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler', 'v8'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** One main-thread task over 50 ms. */
export interface LongTaskBlame {
  /** Milliseconds from the trace's first task. */
  at: number;
  wallMs: number;
  /** The thread's CPU time in the task; null when the trace has none. */
  cpuMs: number | null;
  /** Functions with the most samples in the task, on the stack (inclusive) and at its top (self), with ms. */
  inclusive: [string, number][];
  self: [string, number][];
  /** Frames named like React components (a capital first letter), by time on the stack: which parts of the page rendered. */
  components: [string, number][];
}

export interface TraceSummary {
  longTasks: LongTaskBlame[];
  /** The main thread's five tasks with the most CPU time, whatever their wall time: the page's own heaviest work. */
  heaviestTasks: LongTaskBlame[];
  /** Over the whole trace, the main thread's and the training worker's busiest functions (self ms). */
  mainSelf: [string, number][];
  workerSelf: [string, number][];
  /** The training worker's functions by time on the stack (inclusive ms): where its time goes by caller. */
  workerInclusive: [string, number][];
  /** For each function asked about (see stopTrace), on the worker: the chains of callers above it with the most ms. */
  workerCallers: Record<string, [string, number][]>;
  /** CPU ms of the top-level tasks of every traced thread, as "process / thread", most first: what the run cost outside the page's main thread too. */
  threadCpu: [string, number][];
  /** Sampled ms on each thread, not idle. */
  mainBusyMs: number;
  workerBusyMs: number;
  traceMs: number;
}

export async function startTrace(page: Page): Promise<void> {
  await page.context().browser()!.startTracing(page, { categories: CATEGORIES });
}

/** Stops tracing and sums the trace up; `callersOf` names worker functions whose callers are wanted. */
export async function stopTrace(page: Page, callersOf: readonly string[] = []): Promise<TraceSummary> {
  const buffer = await page.context().browser()!.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return summarize(Array.isArray(parsed) ? parsed : parsed.traceEvents, callersOf);
}

const frameName = (node: ProfileNode): string => {
  const { functionName, url, lineNumber } = node.callFrame;
  if (!url) return functionName || '(anonymous)';
  return `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
};

/** The `n` largest entries, rounded to whole ms. */
const top = (totals: Map<string, number>, n: number): [string, number][] =>
  [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, ms]) => [name, Math.round(ms)]);

const IDLE = new Set(['(idle)', '(program)', '(root)']);

/** Samples of one thread's V8 profile: when (trace µs), the leaf node, and the time each stands for (ms). */
function profileSamples(events: TraceEvent[], pid: number, tid: number): { ts: number; leaf: number; ms: number }[] & { nodes: Map<number, ProfileNode> } {
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; leaf: number; ms: number }[] = [];
  const starts = new Map<string, number>();
  for (const event of events) {
    if (event.pid !== pid || event.tid !== tid) continue;
    if (event.name === 'Profile') starts.set(event.id!, (event.args?.data?.startTime as number) ?? event.ts);
  }
  const clock = new Map(starts);
  for (const event of events) {
    if (event.name !== 'ProfileChunk' || event.pid !== pid || !clock.has(event.id!)) continue;
    const data = event.args!.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const deltas = data.timeDeltas ?? [];
    (data.cpuProfile?.samples ?? []).forEach((leaf, i) => {
      const ts = clock.get(event.id!)! + (deltas[i] ?? 0);
      clock.set(event.id!, ts);
      samples.push({ ts, leaf, ms: 0 });
    });
  }
  samples.sort((a, b) => a.ts - b.ts);
  samples.forEach((s, i) => (s.ms = Math.min(10, ((samples[i + 1]?.ts ?? s.ts) - s.ts) / 1000)));
  return Object.assign(samples, { nodes });
}

/** Each frame on a sample's stack once, leaf first. */
function stackOf(nodes: Map<number, ProfileNode>, leaf: number): string[] {
  const names: string[] = [];
  for (let node = nodes.get(leaf); node; node = node.parent === undefined ? undefined : nodes.get(node.parent)) {
    const name = frameName(node);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** Chains of the `depth` callers above frames whose name starts with `name`, by the ms spent in that frame under them. */
function callersIn(samples: ReturnType<typeof profileSamples>, name: string, depth = 5): [string, number][] {
  const chains = new Map<string, number>();
  for (const s of samples) {
    const stack = stackOf(samples.nodes, s.leaf);
    const at = stack.findIndex((frame) => frame.startsWith(`${name} `) || frame === name);
    if (at < 0) continue;
    const chain = stack.slice(at + 1, at + 1 + depth).map((frame) => frame.replace(/ worker-[\w-]+\.js/, '')).join(' < ');
    chains.set(chain, (chains.get(chain) ?? 0) + s.ms);
  }
  return top(chains, 6);
}

export function summarize(events: TraceEvent[], callersOf: readonly string[] = []): TraceSummary {
  const threads = events.filter((e) => e.ph === 'M' && e.name === 'thread_name');
  const workers = threads.filter((e) => e.args?.name === 'DedicatedWorker thread');
  // The app page's renderer is the one with the training worker.
  const pid = workers[0]?.pid ?? threads.find((e) => e.args?.name === 'CrRendererMain')?.pid;
  const main = threads.find((e) => e.pid === pid && e.args?.name === 'CrRendererMain');
  if (pid === undefined || !main) throw new Error('The trace has no renderer main thread.');
  const mainSamples = profileSamples(events, pid, main.tid);
  const tasks = events.filter((e) => e.pid === pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask');
  const first = tasks.reduce((min, e) => Math.min(min, e.ts), Number.POSITIVE_INFINITY);
  const blameTask = (task: TraceEvent): LongTaskBlame => {
      const inclusive = new Map<string, number>();
      const self = new Map<string, number>();
      for (const s of mainSamples) {
        if (s.ts < task.ts || s.ts > task.ts + task.dur!) continue;
        const stack = stackOf(mainSamples.nodes, s.leaf);
        self.set(stack[0] ?? '?', (self.get(stack[0] ?? '?') ?? 0) + s.ms);
        for (const name of stack) if (!IDLE.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + s.ms);
      }
      return {
        at: Math.round((task.ts - first) / 1000),
        wallMs: Math.round(task.dur! / 1000),
        cpuMs: task.tdur === undefined ? null : Math.round(task.tdur / 1000),
        inclusive: top(inclusive, 14),
        self: top(self, 6),
        components: top(new Map([...inclusive].filter(([name]) => /^[A-Z][A-Za-z0-9]*[a-z]/.test(name))), 10),
      };
    };
  const longTasks = tasks.filter((e) => (e.dur ?? 0) > 50_000).map(blameTask);
  const heaviestTasks = tasks
    .filter((e) => e.tdur !== undefined)
    .sort((a, b) => b.tdur! - a.tdur!)
    .slice(0, 5)
    .map(blameTask);
  const selfTotals = (samples: ReturnType<typeof profileSamples>): { totals: Map<string, number>; busy: number; inclusive: Map<string, number> } => {
    const totals = new Map<string, number>();
    let busy = 0;
    const inclusive = new Map<string, number>();
    for (const s of samples) {
      const node = samples.nodes.get(s.leaf);
      const name = node ? frameName(node) : '?';
      if (IDLE.has(name)) continue;
      busy += s.ms;
      totals.set(name, (totals.get(name) ?? 0) + s.ms);
      for (const frame of stackOf(samples.nodes, s.leaf)) if (!IDLE.has(frame)) inclusive.set(frame, (inclusive.get(frame) ?? 0) + s.ms);
    }
    return { totals, busy, inclusive };
  };
  const mainTotals = selfTotals(mainSamples);
  const worker = workers.find((w) => w.pid === pid);
  const workerSamples = worker ? profileSamples(events, pid, worker.tid) : null;
  const workerTotals = workerSamples ? selfTotals(workerSamples) : { totals: new Map<string, number>(), busy: 0, inclusive: new Map<string, number>() };
  const processNames = new Map(events.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => [e.pid, e.args?.name ?? '?']));
  const threadNames = new Map(threads.map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '?']));
  const cpu = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || e.tdur === undefined) continue;
    const key = `${processNames.get(e.pid) ?? e.pid}${e.pid === pid ? ' (app page)' : ''} / ${threadNames.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
    cpu.set(key, (cpu.get(key) ?? 0) + e.tdur / 1000);
  }
  const last = tasks.reduce((max, e) => Math.max(max, e.ts + (e.dur ?? 0)), 0);
  return {
    longTasks,
    heaviestTasks,
    mainSelf: top(mainTotals.totals, 25),
    workerSelf: top(workerTotals.totals, 25),
    workerInclusive: top(workerTotals.inclusive, 60),
    threadCpu: top(cpu, 14),
    workerCallers: Object.fromEntries(callersOf.map((name) => [name, workerSamples ? callersIn(workerSamples, name) : []])),
    mainBusyMs: Math.round(mainTotals.busy),
    workerBusyMs: Math.round(workerTotals.busy),
    traceMs: Math.round((last - first) / 1000),
  };
}
