import type { StateCreator } from 'zustand';
import { MAX_RUNS, recordOf, type RunRecord } from './runsList';
import type { RunState } from './runState';
import type { PlaygroundState } from './store';

export interface RunsSlice {
  /** Finished runs, oldest first, at most MAX_RUNS. */
  runs: RunRecord[];
  /** Ids of the runs overlaid on the loss chart. */
  compared: string[];
  toggleCompare(id: string): void;
  deleteRun(id: string): void;
}

export const createRunsSlice = (): StateCreator<PlaygroundState, [], [], RunsSlice> => (set, get) => ({
  runs: [],
  compared: [],
  toggleCompare(id) {
    const compared = get().compared;
    set({ compared: compared.includes(id) ? compared.filter((c) => c !== id) : [...compared, id] });
  },
  deleteRun(id) {
    set({ runs: get().runs.filter((run) => run.id !== id), compared: get().compared.filter((c) => c !== id) });
  },
});

/** The runs list after `run` ended: its record appended, the oldest dropped beyond the limit. */
export function withFinishedRun(runs: RunRecord[], compared: string[], run: RunState): { runs: RunRecord[]; compared: string[] } {
  const number = (runs[runs.length - 1]?.number ?? 0) + 1;
  const record = recordOf(run, number);
  if (!record) return { runs, compared };
  const kept = [...runs, record].slice(-MAX_RUNS);
  return { runs: kept, compared: compared.filter((id) => kept.some((r) => r.id === id)) };
}
