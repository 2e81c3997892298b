import { expect, test } from '@playwright/test';
import { historyRows, openPlayground, stopIfRunning } from './helpers';

test('a reload keeps the experiment', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('spiral');
  await page.getByRole('combobox', { name: 'Layer type' }).selectOption('dropout');
  await page.getByRole('button', { name: 'Add layer' }).click();
  await page.getByRole('slider', { name: 'Batch size' }).focus();
  await page.keyboard.press('ArrowRight');
  const layers = await page.getByRole('list', { name: 'Layers' }).textContent();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('spiral');
  await expect(page.getByRole('slider', { name: 'Batch size' })).toHaveAttribute('aria-valuetext', '32');
  expect(await page.getByRole('list', { name: 'Layers' }).textContent()).toBe(layers);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('Copy link gives an address that restores the experiment in a new page', async ({ page, browser }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('xor');
  await page.getByRole('slider', { name: 'Noise' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('slider', { name: 'Learning rate' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('checkbox', { name: 'Early stopping' }).check();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText(/Link copied\.|copy the link from the box/)).toBeVisible();
  const link = await page.getByRole('textbox', { name: 'Link to this experiment' }).inputValue();
  expect(link).toContain('#e=');
  // The address itself does not carry the link: a reload must not open it over later edits.
  expect(page.url()).not.toContain('#e=');
  // A fresh browser profile: nothing stored, only the link.
  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await expect(other.getByRole('combobox', { name: 'Dataset' })).toHaveValue('xor');
  await expect(other.getByRole('slider', { name: 'Noise' })).toHaveAttribute('aria-valuetext', '0.3');
  await expect(other.getByRole('slider', { name: 'Learning rate' })).toHaveAttribute('aria-valuetext', '0.02');
  await expect(other.getByRole('checkbox', { name: 'Early stopping' })).toBeChecked();
  await other.context().close();
});

test('a link opened applies once: an edit made after it survives a reload, and Copy link copies the edit', async ({ page, browser }) => {
  // A link made in another browser profile, of an experiment unlike the default one.
  const maker = await (await browser.newContext()).newPage();
  await openPlayground(maker, '?backend=wasm');
  await maker.getByRole('combobox', { name: 'Dataset' }).selectOption('xor');
  await maker.getByRole('checkbox', { name: 'Early stopping' }).check();
  await maker.getByRole('button', { name: 'Copy link' }).click();
  const link = new URL(await maker.getByRole('textbox', { name: 'Link to this experiment' }).inputValue());
  await maker.context().close();

  await openPlayground(page, `?backend=wasm${link.hash}`);
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('xor');
  await expect(page.getByRole('checkbox', { name: 'Early stopping' })).toBeChecked();
  // Applied, the link leaves the address; the rest of the address stays.
  await expect.poll(() => new URL(page.url()).hash).toBe('');
  expect(new URL(page.url()).search).toBe('?backend=wasm');

  // Edits after opening the link.
  await page.getByRole('checkbox', { name: 'Early stopping' }).uncheck();
  await page.getByRole('combobox', { name: 'Layer type' }).selectOption('dropout');
  await page.getByRole('button', { name: 'Add layer' }).click();
  const layers = await page.getByRole('list', { name: 'Layers' }).textContent();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('xor');
  await expect(page.getByRole('checkbox', { name: 'Early stopping' })).not.toBeChecked();
  expect(await page.getByRole('list', { name: 'Layers' }).textContent()).toBe(layers);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Copy link, then another edit, then a reload: the edit stays, and a new Copy link carries it.
  await page.getByRole('button', { name: 'Copy link' }).click();
  const copied = await page.getByRole('textbox', { name: 'Link to this experiment' }).inputValue();
  await page.getByRole('checkbox', { name: 'Early stopping' }).check();
  await expect(page.getByRole('textbox', { name: 'Link to this experiment' }), 'a link of the experiment before the edit').toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Early stopping' })).toBeChecked();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const current = await page.getByRole('textbox', { name: 'Link to this experiment' }).inputValue();
  expect(current).not.toBe(copied);
  const snapshot = JSON.parse(Buffer.from(new URL(current).hash.slice('#e='.length), 'base64url').toString('utf8')) as {
    dataset: string;
    layers: { kind: string }[];
    config: { earlyStopping: { enabled: boolean } };
  };
  expect(snapshot.dataset).toBe('xor');
  expect(snapshot.config.earlyStopping.enabled).toBe(true);
  expect(snapshot.layers.map((layer) => layer.kind)).toContain('dropout');
});

test('a hostile or broken link is reported and ignored', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { pwned: boolean }).pwned = false;
  });
  const payload = Buffer.from(JSON.stringify({ v: 1, dataset: '<img src=x onerror="window.pwned=true">', layers: [] })).toString('base64url');
  await page.goto(`/#e=${payload}`);
  await expect(page.getByRole('alert')).toContainText("The link's experiment could not be used");
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('concrete');
  expect(await page.evaluate(() => (window as unknown as { pwned: boolean }).pwned)).toBe(false);
});

test('a corrupt saved entry gives the defaults and a message', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('nn-playground', '{"state": {"experiment": {"v": 1, "dataset": 42'));
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('Your saved experiment could not be read, so the default one is shown.');
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('concrete');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
});

test('the fit badge names the state of the run as it trains', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
  // A single neuron draws one straight line: it cannot separate a disk from a ring.
  const layers = page.getByRole('list', { name: 'Layers' }).getByRole('listitem');
  while ((await layers.count()) > 1) await layers.first().getByRole('button', { name: 'Remove layer' }).click();
  // One epoch is too early to tell.
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Paused\. Epoch 1\//);
  await expect(page.getByLabel('Fit diagnosis')).toContainText('Still improving');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByLabel('Fit diagnosis')).toContainText('Underfitting', { timeout: 60_000 });
  await expect(page.getByLabel('Fit diagnosis')).toContainText('the model is too simple');
  await stopIfRunning(page);
  expect((await historyRows(page)).length).toBeGreaterThan(5);
});

test('finished runs are kept across a reload and overlaid on the loss chart, labelled by what differs', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('moons');
  const epochs = page.getByRole('slider', { name: 'Epochs' });
  await epochs.focus();
  await page.keyboard.press('Home');
  for (let i = 1; i < 10; i++) await page.keyboard.press('ArrowRight');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText('Finished 10 epochs');
  await page.getByRole('slider', { name: 'Learning rate' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText('Finished 10 epochs');
  const runs = page.getByRole('list', { name: 'Finished runs' });
  await expect(runs.getByRole('listitem')).toHaveCount(2);
  await expect(runs).toContainText('run 1: lr 0.03');
  await expect(runs).toContainText('run 2 (same settings)');

  await page.reload();
  await expect(page.getByRole('list', { name: 'Finished runs' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'run 1: lr 0.03' }).check();
  await page.getByRole('checkbox', { name: 'run 2 (same settings)' }).check();
  const chart = page.getByRole('figure', { name: 'Loss per epoch' });
  await expect.poll(async () => (await chart.getByRole('list', { name: 'Legend' }).getByRole('listitem').allTextContents()).sort()).toEqual(
    ['loss', 'run 1: lr 0.03', 'run 2 (same settings)', 'val_loss'],
  );
  // No current run after the reload: the two overlaid curves are the only lines.
  await expect(chart.locator('path.curve')).toHaveCount(2);
  await page.getByRole('button', { name: 'Delete run 1' }).click();
  await expect(page.getByRole('list', { name: 'Finished runs' }).getByRole('listitem')).toHaveCount(1);
});
