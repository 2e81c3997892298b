import type { ExportFile } from './exportFiles';
import type { RunState } from './runState';

/** A shipped dataset file, from the site's datasets/ folder; throws with the server's answer when it is missing. */
export async function fetchShipped(file: string): Promise<Response> {
  const response = await fetch(`${import.meta.env.BASE_URL}datasets/${file}`);
  if (!response.ok) throw new Error(`${file}: the server answered ${response.status} ${response.statusText}`);
  return response;
}

/**
 * The shipped data file a run's Keras script reads (the CSV, the
 * Fashion-MNIST bytes, the series), so the script runs as it is from the
 * folder it is saved in; null where the script's data goes with it already
 * (generated sets and series) or is the person's own upload.
 */
export function shippedScriptFile(run: RunState): string | null {
  const meta = run.data?.exportMeta;
  if (!meta || meta.dataset.id === 'custom') return null;
  const data = meta.script;
  if (data.kind === 'csv' || data.kind === 'fashionMnist') return data.file;
  if (data.kind === 'series' && data.csv === null) return data.file;
  return null;
}

/** The shipped file as a download beside the script. */
export async function shippedDownload(file: string, load: (file: string) => Promise<Response> = fetchShipped): Promise<ExportFile> {
  const response = await load(file);
  return { name: file, type: file.endsWith('.csv') ? 'text/csv' : 'application/octet-stream', content: await response.arrayBuffer() };
}
