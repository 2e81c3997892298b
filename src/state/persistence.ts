import { createJSONStorage, type PersistOptions, type StateStorage } from 'zustand/middleware';
import { z } from '../model/zodSetup';
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
  corrupt: boolean;
  full: boolean;
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
        JSON.parse(value);
        return value;
      } catch {
        trouble.corrupt = true;
        return null;
      }
    },
    setItem(name, value) {
      try {
        storage.setItem(name, value);
      } catch {
        trouble.full = true;
      }
    },
    removeItem: (name) => storage.removeItem(name),
  };
}

/** The experiment fields of the state for a snapshot. */
export function experimentFields(snapshot: ExperimentSnapshot): Partial<PlaygroundState> {
  return {
    datasetId: snapshot.dataset,
    synthetic: snapshot.synthetic,
    layers: layersOf(snapshot),
    config: snapshot.config,
    dropoutRate: snapshot.dropoutRate,
  };
}

/** zustand `persist` options: versioned, and every stored value checked with zod before use. */
export function persistOptions(storage: StateStorage, trouble: StorageTrouble): PersistOptions<PlaygroundState, PersistedState> {
  return {
    name: 'nn-playground',
    version: 1,
    storage: createJSONStorage(() => guarded(storage, trouble)),
    partialize: (state) => ({ experiment: snapshotOf(state), runs: state.runs, compared: state.compared }),
    merge(persisted, current) {
      if (persisted === undefined || persisted === null) return current;
      const stored = persisted as Partial<Record<keyof PersistedState, unknown>>;
      const runs = z.array(runRecordSchema).max(MAX_RUNS).safeParse(stored.runs ?? []);
      const compared = z.array(z.string()).safeParse(stored.compared ?? []);
      const experiment = stored.experiment === null || stored.experiment === undefined ? null : experimentSchema.safeParse(stored.experiment);
      if (!runs.success || !compared.success || (experiment && !experiment.success)) {
        trouble.corrupt = true;
        return current;
      }
      return {
        ...current,
        ...(experiment?.success ? experimentFields(experiment.data) : {}),
        runs: runs.data.map((run) => ({ ...run, losses: run.losses.map(([l, v]) => [l ?? Number.NaN, v ?? Number.NaN]) })) as RunRecord[],
        compared: compared.data,
      };
    },
  };
}
