import { TrainingClient } from '../engine/client';
import { parseCsvFile } from '../engine/csvClient';
import { readBackendPreference } from './backendPreference';
import { fetchShipped } from './shippedFiles';
import { createPlaygroundStore } from './store';
import { createTestHooks, wantsTestHooks } from './testHooks';

const { preference, warning } = readBackendPreference(window.location.search);

const client = new TrainingClient(preference);
// The Weights section starts closed; opening it asks for each epoch's weights (WeightsView).
client.watchWeights(false);
if (wantsTestHooks(window.location.search)) window.__playgroundTest = createTestHooks(client);

/** The page's one store, wired to the real training worker, the CSV worker and the shipped datasets. */
export const usePlayground = createPlaygroundStore({
  client,
  files: {
    text: async (file) => (await fetchShipped(file)).text(),
    bytes: async (file) => new Uint8Array(await (await fetchShipped(file)).arrayBuffer()),
  },
  parseCsv: parseCsvFile,
  notices: warning ? [warning] : [],
  storage: browserStorage(),
  backendPreference: preference,
  hash: window.location.hash,
  replaceHash: (hash) => {
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
  },
});

/** localStorage, unless the browser refuses it (private modes, disabled storage). */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
