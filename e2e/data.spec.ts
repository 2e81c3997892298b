import { expect, test, type Page } from '@playwright/test';
import { historyRows, openPlayground, waitForEpoch, stopIfRunning } from './helpers';

/** Trains `epochs` epochs (Step each time) and returns the history. */
async function stepEpochs(page: Page, epochs: number) {
  for (let i = 1; i <= epochs; i++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByRole('status')).toHaveText(new RegExp(`^Paused\\. Epoch ${i}/`), { timeout: 90_000 });
  }
  return historyRows(page);
}

const tables = ['concrete', 'autoMpg', 'diabetes', 'ionosphere', 'breastCancer', 'wine'];

test('every shipped table loads and trains with falling loss', async ({ page }) => {
  test.setTimeout(180_000);
  await openPlayground(page, '?backend=wasm');
  for (const id of tables) {
    await page.getByRole('combobox', { name: 'Dataset' }).selectOption(id);
    await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
    const rows = await stepEpochs(page, 3);
    expect(rows.map((r) => r.epoch), id).toEqual([1, 2, 3]);
    expect(rows[2]!.loss, id).toBeLessThan(rows[0]!.loss);
    await page.getByRole('button', { name: 'Reset' }).click();
  }
});

test('both image sets load, show samples, and a CNN trains on them (off WASM, with the reason shown)', async ({ page }) => {
  test.setTimeout(240_000);
  await openPlayground(page, '?backend=wasm');
  for (const id of ['digits', 'fashion']) {
    await page.getByRole('combobox', { name: 'Dataset' }).selectOption(id);
    await expect(page.getByLabel('Sample images').getByRole('img')).toHaveCount(20);
    const rows = await stepEpochs(page, 2);
    expect(rows[1]!.loss, id).toBeLessThan(rows[0]!.loss);
    await expect(page.locator('.backend')).toContainText('WASM cannot train convolution layers');
    await page.getByRole('button', { name: 'Reset' }).click();
  }
  await expect(page.getByLabel('Sample images').getByRole('img', { name: /: T-shirt\/top$/ })).toHaveCount(2);
});

test('a small CNN on digits reaches 80 % validation accuracy within 6 epochs, with a confusion matrix and misclassified images', async ({ page }) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('digits');
  await expect(page.getByRole('table', { name: 'Model summary' })).toContainText('Total params: 13,706');
  await page.getByRole('button', { name: 'Train' }).click();
  const accuracy = async () => {
    const cells = await page.getByRole('table', { name: 'Training history', exact: true }).locator('tbody tr td:nth-child(5)').allTextContents();
    return Math.max(0, ...cells.slice(0, 6).map(Number));
  };
  await expect.poll(accuracy, { timeout: 150_000 }).toBeGreaterThanOrEqual(0.8);
  expect((await historyRows(page)).findIndex((r) => r.epoch > 0)).toBe(0);
  await stopIfRunning(page);
  await expect(page.getByRole('table', { name: 'Confusion matrix' }).locator('tbody tr')).toHaveCount(10);
  await expect(page.getByText(/Validation accuracy: \d+\.\d %/)).toBeVisible();
});

test('the decision boundary changes as training goes on', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('spiral');
  const canvas = page.getByRole('img', { name: 'Decision boundary' });
  const picture = () => canvas.evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Paused\. Epoch 1\//);
  await expect(canvas).toHaveAttribute('data-epoch', '1');
  const first = await picture();
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 30);
  await expect.poll(async () => Number(await canvas.getAttribute('data-epoch'))).toBeGreaterThan(20);
  expect(await picture()).not.toEqual(first);
  await stopIfRunning(page);
});

test('noise, points and Regenerate redraw a 2-D set', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('moons');
  await expect(page.getByText('500 rows, 2 features')).toBeVisible();
  const points = page.getByRole('slider', { name: 'Points' });
  await points.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText('300 rows, 2 features')).toBeVisible();
  const seed = page.getByRole('spinbutton', { name: 'Seed' });
  const before = await seed.inputValue();
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect(seed).not.toHaveValue(before);
  await page.getByRole('slider', { name: 'Noise' }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('slider', { name: 'Noise' })).toHaveAttribute('aria-valuetext', '2.0');
  const rows = await stepEpochs(page, 1);
  expect(rows).toHaveLength(1);
});

test('an uploaded CSV: pick its target, see its columns, train on it', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByLabel('Load CSV…').setInputFiles('e2e/fixtures/houses.csv');
  const columns = page.getByRole('group', { name: 'Columns of houses.csv' });
  await expect(columns).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('custom');
  await expect(columns.getByRole('combobox', { name: 'Target' })).toHaveValue('price');
  await expect(columns.getByRole('combobox', { name: 'Task' })).toHaveValue('regression');
  // The missing year drops one row; district becomes three one-hot columns.
  await expect(columns).toContainText('19 rows, regression (predict a number); 1 rows with missing values dropped; district one-hot encoded into 3 columns.');
  await expect(page.getByRole('table', { name: 'Model summary' })).toContainText('(None, 32)');

  await columns.getByRole('combobox', { name: 'Target' }).selectOption('district');
  await expect(columns.getByRole('combobox', { name: 'Task' })).toHaveValue('multiclass');
  await expect(page.getByRole('list', { name: 'Layers' }).getByRole('listitem').last().getByRole('spinbutton', { name: 'Units' })).toHaveValue('3');
  await columns.getByRole('combobox', { name: 'Target' }).selectOption('price');
  await columns.getByRole('checkbox', { name: 'Use year as a feature' }).uncheck();
  await expect(columns).toContainText('20 rows, regression');

  const rows = await stepEpochs(page, 3);
  expect(rows[2]!.loss).toBeLessThan(rows[0]!.loss);
  await expect(page.getByRole('figure', { name: 'Predicted against actual' })).toContainText('Validation MAE');
});

test('the regression scatter is drawn before a run and fills with the validation points as it trains', async ({ page }) => {
  await openPlayground(page);
  const scatter = page.getByRole('figure', { name: 'Predicted against actual' });
  await expect(scatter).toContainText('Validation MAE: —');
  await expect(scatter.locator('svg text', { hasText: 'predicted' })).toBeVisible();
  await expect(scatter.locator('path.scatter-dots')).toHaveCount(0);
  const rows = await stepEpochs(page, 1);
  // One small circle per validation row (each drawn as two arcs after a move).
  const circles = async (selector: string) => ((await scatter.locator(selector).getAttribute('d')) ?? '').split('M').length - 1;
  const inside = await circles('path.scatter-dots');
  // Predictions beyond the target's range are drawn hollow at the edge, and counted below the plot.
  const beyond = (await scatter.locator('path.scatter-beyond').count()) > 0 ? await circles('path.scatter-beyond') : 0;
  expect(inside + beyond).toBeGreaterThan(150);
  if (beyond > 0) await expect(scatter).toContainText(`${beyond} prediction${beyond === 1 ? ' is' : 's are'} beyond the range`);
  else await expect(scatter.getByText(/beyond the range/)).toHaveCount(0);
  // The pointer on a point reads out its actual and predicted values.
  const [, mx = '0', my = '0'] = /^M([\d.]+) ([\d.]+)/.exec((await scatter.locator('path.scatter-dots').getAttribute('d')) ?? '') ?? [];
  // In view first: the mouse can only point at what is on screen, and the controls above may push the figure below the fold.
  await scatter.scrollIntoViewIfNeeded();
  const svg = (await scatter.locator('svg.recharts-surface').boundingBox())!;
  await page.mouse.move(svg.x + Number(mx) + 2.5, svg.y + Number(my));
  const readout = scatter.locator('.scatter-hover text');
  await expect(readout).toHaveText(/^actual [\d.]+, predicted -?[\d.e+-]+$/);
  await page.mouse.move(svg.x - 40, svg.y - 40);
  await expect(readout).toHaveCount(0);
  // The MAE shown is the validation MAE of the history table's last row.
  const mae = Number(/Validation MAE: ([\d.]+)/.exec((await scatter.locator('.metric-value').textContent()) ?? '')?.[1]);
  const table = page.getByRole('table', { name: 'Training history', exact: true });
  const valMae = Number(await table.locator('tbody tr').last().locator('td').nth(4).textContent());
  expect(rows).toHaveLength(1);
  expect(mae).toBeCloseTo(valMae, 2);
});

test('a CSV saved the European way (semicolons, decimal commas) is read as numbers', async ({ page }) => {
  await openPlayground(page);
  const lines = ['Breite;Länge;Gewicht'];
  for (let i = 0; i < 40; i++) lines.push(`${(1 + i / 10).toFixed(2).replace('.', ',')};${(i % 7) + 2};${(3 + i * 0.37).toFixed(3).replace('.', ',')}`);
  await page.getByLabel('Load CSV…').setInputFiles({ name: 'messung.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
  const columns = page.getByRole('group', { name: 'Columns of messung.csv' });
  await expect(columns.getByRole('combobox', { name: 'Target' })).toHaveValue('Gewicht');
  await expect(columns.getByRole('combobox', { name: 'Task' })).toHaveValue('regression');
  await expect(columns.getByRole('table', { name: 'Columns' }).getByRole('row', { name: /Breite/ })).toContainText('number');
  await expect(columns).toContainText('Decimal commas read as decimal points (3,5 as 3.5) in Breite, Gewicht.');
  const rows = await stepEpochs(page, 2);
  expect(rows.every((row) => Number.isFinite(row.loss))).toBe(true);
});

test('a file that is not a usable CSV is refused with a message and the current data stays', async ({ page }) => {
  await openPlayground(page);
  await page.getByLabel('Load CSV…').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('just one column\nhello\n') });
  await expect(page.getByRole('alert')).toContainText('notes.csv: The file has a single column');
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('concrete');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
});

test('a CSV dropped on the upload area is read like a picked one', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  const rows = Array.from({ length: 30 }, (_, i) => `${i},${(i * 7) % 11},${i % 3 === 0 ? 'a' : 'b'}`).join('\n');
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([`x,z,kind\n${text}\n`], 'dropped.csv', { type: 'text/csv' }));
    return transfer;
  }, rows);
  await page.getByText('or drop a CSV file here').dispatchEvent('drop', { dataTransfer });
  const columns = page.getByRole('group', { name: 'Columns of dropped.csv' });
  await expect(columns.getByRole('combobox', { name: 'Task' })).toHaveValue('binary');
  await expect(columns).toContainText('30 rows, binary classification');
  const trained = await stepEpochs(page, 1);
  expect(trained).toHaveLength(1);
});
