import { createJSONStorage, type PersistOptions, type StateStorage } from 'zustand/middleware';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../model/safeJson';
import { z } from '../model/zodSetup';
import { DEFAULT_SERIES_WINDOW } from '../data/seriesSources';
import { experimentSchema, layersOf, runRecordSchema, snapshotOf, type ExperimentSnapshot } from './experimentSchema';
import { MAX_RUNS, type RunRecord } from './runsList';
import type { PlaygroundState } from './store';

/** What is kept across reloads: the experiment (not an uploaded CSV) and the finished runs. */
export interface PersistedState {
  experiment: ExperimentSnapshot | null;
  runs: RunRecord[];
  compared: string[];
}

/** Problems met while reading or writing storage, reported once the store exists. */
export interface StorageTrouble {
  /** The stored experiment could not be read (the whole entry, or the experiment in it). */
  corrupt: boolean;
  /** Some finished runs could not be read and were left out. */
  badRuns: boolean;
  full: boolean;
  /** Finished runs dropped, oldest first, so that the rest fits in a full storage; the store removes them too and says so. */
  droppedRuns: number;
  /** Called when runs were dropped (persist writes after the state change, so the store cannot see it then). */
  onDropped?: () => void;
}

/**
 * Wraps the browser's storage so that a corrupt entry reads as nothing and a
 * full storage does not throw into the page; both are noted for a message.
 */
function guarded(storage: StateStorage, trouble: StorageTrouble): StateStorage {
  return {
    getItem(name) {
      const value = storage.getItem(name) as string | null;
      if (value === null) return null;
      try {
        // Nesting is bounded first: what reads the value next (zod) walks it by recursion.
        if (nestsDeeperThan(value, MAX_JSON_DEPTH)) throw new Error('nested too deeply');
        JSON.parse(value);
        return value;
      } catch {
        trouble.corrupt = true;
        return null;
      }
    },
    setItem(name, value) {
      if (write(storage, name, value)) return;
      // Full: the oldest finished runs go, a quarter at a time, until the rest fits.
      const entry = JSON.parse(value) as { state?: { runs?: unknown[] } };
      const runs = entry.state?.runs;
      while (Array.isArray(runs) && runs.length > 0) {
        const drop = Math.max(1, Math.ceil(runs.length / 4));
        runs.splice(0, drop);
        trouble.droppedRuns += drop;
        if (write(storage, name, JSON.stringify(entry))) {
          trouble.onDropped?.();
          return;
        }
      }
      trouble.full = true;
    },
    removeItem: (name) => storage.removeItem(name),
  };
}

/** Writes an item; false when the storage refuses it (full). */
function write(storage: StateStorage, name: string, value: string): boolean {
  try {
    storage.setItem(name, value);
    return true;
  } catch {
    return false;
  }
}

/** The experiment fields of the state for a snapshot. */
export function experimentFields(snapshot: ExperimentSnapshot): Partial<PlaygroundState> {
  return {
    datasetId: snapshot.dataset,
    synthetic: snapshot.synthetic,
    layers: layersOf(snapshot),
    config: snapshot.config,
    dropoutRate: snapshot.dropoutRate,
    // Stored and shared experiments from before the window was kept open with the default one.
    seriesWindow: snapshot.seriesWindow ?? DEFAULT_SERIES_WINDOW,
    // Drawn points come only with the drawn set; other experiments leave the ones in the page alone.
    ...(snapshot.drawn ? { drawn: snapshot.drawn } : {}),
  };
}

/** zustand `persist` options: versioned, and every stored value checked with zod before use. */
export function persistOptions(storage: StateStorage, trouble: StorageTrouble): PersistOptions<PlaygroundState, PersistedState> {
  // The last experiment that would read back. One the controls cannot run (a
  // typed 5,000 units, a patience of -1) is not stored over it, so a reload
  // never turns a slip into a lost experiment.
  let lastGood: ExperimentSnapshot | null = null;
  // zustand calls partialize and writes storage on every state change, which
  // during a run is every frame; the experiment and the runs change far less
  // often. The persisted value is rebuilt (and checked, and written) only
  // when one of the parts it is made of is a different object.
  let lastParts: unknown[] = [];
  let lastPersisted: PersistedState | null = null;
  let lastWritten: PersistedState | null = null;
  const json = createJSONStorage<PersistedState>(() => guarded(storage, trouble))!;
  return {
    name: 'nn-playground',
    version: 1,
    storage: {
      getItem: (name) => json.getItem(name),
      removeItem: (name) => json.removeItem(name),
      setItem(name, value) {
        if (value.state === lastWritten) return;
        lastWritten = value.state;
        return json.setItem(name, value);
      },
    },
    partialize: (state) => {
      const parts = [state.datasetId, state.synthetic, state.layers, state.config, state.dropoutRate, state.seriesWindow, state.drawn, state.runs, state.compared];
      if (lastPersisted && parts.every((part, i) => part === lastParts[i])) return lastPersisted;
      const snapshot = snapshotOf(state);
      if (snapshot === null || experimentSchema.safeParse(snapshot).success) lastGood = snapshot;
      lastParts = parts;
      lastPersisted = { experiment: lastGood, runs: state.runs, compared: state.compared };
      return lastPersisted;
    },
    merge(persisted, current) {
      if (persisted === undefined || persisted === null) return current;
      const stored = persisted as Partial<Record<keyof PersistedState, unknown>>;
      // Each part is checked on its own: a bad experiment does not take the finished runs with it.
      const runs = z.array(z.unknown()).safeParse(stored.runs ?? []);
      const goodRuns = (runs.success ? runs.data : []).flatMap((run) => {
        const parsed = runRecordSchema.safeParse(run);
        return parsed.success ? [parsed.data] : [];
      });
      const compared = z.array(z.string().max(100)).max(MAX_RUNS).safeParse(stored.compared ?? []);
      const experiment = stored.experiment === null || stored.experiment === undefined ? null : experimentSchema.safeParse(stored.experiment);
      if (experiment && !experiment.success) trouble.corrupt = true;
      if (!runs.success || goodRuns.length !== runs.data.length) trouble.badRuns = true;
      if (experiment?.success) lastGood = experiment.data;
      return {
        ...current,
        ...(experiment?.success ? experimentFields(experiment.data) : {}),
        runs: goodRuns.slice(-MAX_RUNS).map((run) => ({
          ...run,
          losses: run.losses.map(([l, v]) => [l ?? Number.NaN, v ?? Number.NaN]),
          ...(run.test ? { test: { loss: run.test.loss ?? Number.NaN, metric: run.test.metric ?? Number.NaN } } : {}),
        })) as RunRecord[],
        compared: compared.success ? compared.data.filter((id) => goodRuns.some((run) => run.id === id)) : [],
      };
    },
  };
}
