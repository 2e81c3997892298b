import type { CsvRequest, CsvResponse, ParsedUpload } from './csvProtocol';

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, (result: ParsedUpload) => void>();

function csvWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module', name: 'csv' });
  created.addEventListener('message', (message: MessageEvent<CsvResponse>) => {
    const { id, ...result } = message.data;
    pending.get(id)?.(result);
    pending.delete(id);
  });
  created.addEventListener('error', (event) => {
    event.preventDefault();
    for (const resolve of pending.values()) resolve({ ok: false, message: 'Reading the file failed unexpectedly; try again.' });
    pending.clear();
    created.terminate();
    worker = null;
  });
  worker = created;
  return created;
}

/** Reads and parses a CSV file in a worker: header, delimiter, cells and a description of each column. */
export function parseCsvFile(file: Blob): Promise<ParsedUpload> {
  const id = ++nextId;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    csvWorker().postMessage({ id, file } satisfies CsvRequest);
  });
}
