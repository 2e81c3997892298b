import { expect, type Page } from '@playwright/test';

/**
 * The epoch the status line reports ("Epoch 7/100: ...", "Paused. Epoch 7/100",
 * or, once a run has ended, "Finished 100 epochs" / "Stopped at epoch 7"), or 0 before the first.
 * Small dense models train on the fast JavaScript engine, so a run may be over before a test looks.
 */
export async function statusEpoch(page: Page): Promise<number> {
  const text = (await page.getByRole('status').textContent()) ?? '';
  const match = /Epoch (\d+)\/|Finished (\d+) epoch|(?:Stopped|Stopped early|Diverged.*) at epoch (\d+)/.exec(text);
  return match ? Number(match[1] ?? match[2] ?? match[3]) : 0;
}

/** Waits until the status line reports at least `epoch` epochs. */
export async function waitForEpoch(page: Page, epoch: number, timeout = 60_000): Promise<void> {
  await expect.poll(() => statusEpoch(page), { timeout, message: `epoch ${epoch} reached` }).toBeGreaterThanOrEqual(epoch);
}

export interface HistoryRow {
  epoch: number;
  loss: number;
  valLoss: number;
}

/**
 * What the "Training history" table lists now: while a long run trains it holds
 * only the latest epochs, after a line saying "Epochs 1–N are listed when the run
 * pauses or ends" (`omitted` is that N; 0 when every epoch is listed).
 */
export async function listedHistory(page: Page): Promise<{ omitted: number; rows: HistoryRow[] }> {
  const table = page.getByRole('table', { name: 'Training history', exact: true });
  const cells = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('td'), (td) => ({ text: td.textContent ?? '', span: td.colSpan }))),
  );
  let omitted = 0;
  const rows: HistoryRow[] = [];
  for (const row of cells) {
    if (row.length === 1 && row[0]!.span > 1) {
      omitted = Number(/Epochs 1–(\d+) are listed/.exec(row[0]!.text)?.[1] ?? Number.NaN);
      continue;
    }
    const [epoch, loss, valLoss] = row.map((cell) => cell.text);
    rows.push({ epoch: Number(epoch), loss: Number(loss), valLoss: Number(valLoss) });
  }
  return { omitted, rows };
}

/**
 * Every row of the "Training history" table, as numbers, once it lists them all:
 * for a run that is paused or over (the whole list comes back a render after the
 * status line says so). Use listedHistory or expectEpochsFromOne while a run trains.
 */
export async function historyRows(page: Page): Promise<HistoryRow[]> {
  let listed = await listedHistory(page);
  await expect
    .poll(async () => (listed = await listedHistory(page)).omitted, {
      message: 'the history table lists every epoch (it does once the run pauses or ends)',
      timeout: 10_000,
    })
    .toBe(0);
  return listed.rows;
}

/**
 * Checks that the table's epochs count from 1 without a gap or a repeat, whether
 * it lists them all or, while a long run trains, its latest after a line for the
 * rest; returns the rows it lists.
 */
export async function expectEpochsFromOne(page: Page): Promise<HistoryRow[]> {
  const { omitted, rows } = await listedHistory(page);
  expect(rows.length, 'rows listed').toBeGreaterThan(0);
  expect(rows.map((r) => r.epoch)).toEqual(rows.map((_, i) => omitted + i + 1));
  return rows;
}

/** Opens the playground and waits until its default dataset is loaded and the backend is known. */
export async function openPlayground(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByText(/Backend: (webgl|webgpu|wasm|cpu|js)/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
}

/** Stops the run if it is still going (it may have finished on its own on a fast backend). */
export async function stopIfRunning(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Stop' }).click({ timeout: 2_000 }).catch(() => undefined);
}

/** Sets the Epochs slider to its largest value, so a run cannot end before the test stops it. */
export async function longRun(page: Page): Promise<void> {
  const epochs = page.getByRole('slider', { name: 'Epochs' });
  await epochs.focus();
  await page.keyboard.press('End');
  await expect(epochs).toHaveAttribute('aria-valuetext', '2000');
}
