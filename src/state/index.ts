import { TrainingClient } from '../engine/client';
import { readBackendPreference } from './backendPreference';
import { createPlaygroundStore } from './store';

const { preference, warning } = readBackendPreference(window.location.search);

/** The page's one store, wired to the real training worker and the shipped datasets. */
export const usePlayground = createPlaygroundStore({
  client: new TrainingClient(preference),
  fetchText: async (file) => {
    const response = await fetch(`${import.meta.env.BASE_URL}datasets/${file}`);
    if (!response.ok) throw new Error(`${file}: the server answered ${response.status} ${response.statusText}`);
    return response.text();
  },
  notices: warning ? [warning] : [],
});
