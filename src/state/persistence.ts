import { createJSONStorage, type PersistOptions, type StateStorage } from 'zustand/middleware';
import { experimentSchema, layersOf, snapshotOf, type ExperimentSnapshot } from './experimentSchema';
import type { PlaygroundState } from './store';

/** What is kept across reloads: the experiment (not an uploaded CSV). */
export interface PersistedState {
  experiment: ExperimentSnapshot | null;
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
    partialize: (state) => ({ experiment: snapshotOf(state) }),
    merge(persisted, current) {
      if (persisted === undefined || persisted === null) return current;
      const experiment = (persisted as Partial<PersistedState>).experiment;
      if (experiment === null) return current;
      const parsed = experimentSchema.safeParse(experiment);
      if (!parsed.success) {
        trouble.corrupt = true;
        return current;
      }
      return { ...current, ...experimentFields(parsed.data) };
    },
  };
}
