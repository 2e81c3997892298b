/// <reference lib="webworker" />
import { describeColumns } from '../data/columns';
import { csvLimits, csvTooLarge, parseCsvText } from '../data/csvParse';
import { detectTimeColumns } from '../data/timeColumn';
import type { CsvRequest, CsvResponse } from './csvProtocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (message: MessageEvent<CsvRequest>) => {
  const { id, file } = message.data;
  const reply = (response: CsvResponse) => self.postMessage(response);
  // Refuse an oversized file before reading a byte of it.
  if (file.size > csvLimits.maxBytes) {
    reply({ id, ok: false, message: csvTooLarge(file.size) });
    return;
  }
  try {
    const parsed = parseCsvText(await file.text());
    if (!parsed.ok) reply({ id, ok: false, message: parsed.message });
    else {
      const columns = describeColumns(parsed.raw);
      // Looking for times reads every cell of the text columns: done here, off the page's thread.
      reply({ id, ok: true, raw: parsed.raw, columns, timeColumns: detectTimeColumns(parsed.raw, columns) });
    }
  } catch (error) {
    reply({ id, ok: false, message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` });
  }
};
