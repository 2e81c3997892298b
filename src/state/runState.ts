import type { BackendName, EpochRecord, RunOutcome, WorkerEvent } from '../engine/protocol';

/** Where the current run stands. */
export type RunPhase = 'idle' | 'starting' | 'running' | 'paused' | 'ended';

export interface RunState {
  runId: number | null;
  phase: RunPhase;
  /** One record per finished epoch, in order. */
  history: EpochRecord[];
  /** The epoch count the run was started with. */
  epochs: number;
  params: number | null;
  backend: BackendName | null;
  outcome: RunOutcome | null;
  /** A failure that ended the run (a crash, a model tfjs rejected). */
  error: string | null;
  /** Tensors alive in the worker before the run and after it was cleaned up. */
  tensors: { before: number; after: number } | null;
}

export const idleRun: RunState = {
  runId: null,
  phase: 'idle',
  history: [],
  epochs: 0,
  params: null,
  backend: null,
  outcome: null,
  error: null,
  tensors: null,
};

/** The run after one worker event. Events of another run leave it as it is. */
export function applyRunEvent(run: RunState, event: WorkerEvent): RunState {
  if (event.type === 'backend' || event.runId !== run.runId) return run;
  switch (event.type) {
    case 'runStarted':
      return { ...run, phase: run.phase === 'starting' ? 'running' : run.phase, params: event.params, backend: event.backend };
    case 'epoch': {
      // A record that does not continue the history is a duplicate or from a
      // confused worker; never show it.
      const last = run.history[run.history.length - 1];
      if (event.record.epoch !== (last?.epoch ?? 0) + 1) return run;
      return { ...run, history: [...run.history, event.record] };
    }
    case 'paused':
      return run.phase === 'ended' ? run : { ...run, phase: 'paused' };
    case 'resumed':
      return run.phase === 'ended' ? run : { ...run, phase: 'running' };
    case 'runEnded':
      return {
        ...run,
        phase: 'ended',
        outcome: event.outcome,
        tensors: { before: event.tensorsBefore, after: event.tensorsAfter },
      };
    case 'error':
      return { ...run, phase: 'ended', error: event.message };
  }
}

/** Applies a batch of events in order, appending epochs in one array copy. */
export function applyRunEvents(run: RunState, events: readonly WorkerEvent[]): RunState {
  return events.reduce(applyRunEvent, run);
}
