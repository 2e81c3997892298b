import { expect, test, type Page } from '@playwright/test';
import { openPlayground } from './helpers';

/**
 * Circle with a single Dense(1, sigmoid) and no hidden layer, trained 30
 * epochs on Auto (the fast JavaScript engine for a net this small), with
 * only the named input features ticked; returns the last validation accuracy.
 */
async function trainSingleNeuron(page: Page, features: string[]): Promise<number> {
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
  const group = page.getByRole('group', { name: 'Input features' });
  for (const name of ['x1', 'x2', 'x1²', 'x2²', 'x1·x2', 'sin(x1)', 'sin(x2)']) {
    await group.getByRole('checkbox', { name, exact: true }).setChecked(features.includes(name));
  }
  // Circle's default model is Dense(8) → Dense(8) → Dense(1): the two hidden layers go.
  const layers = page.getByRole('list', { name: 'Layers' }).getByRole('listitem');
  for (let i = 0; i < 2; i++) await layers.first().getByRole('button', { name: 'Remove layer' }).click();
  await expect(layers).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Model summary' })).toContainText(`Total params: ${features.length + 1}`);
  const epochs = page.getByRole('slider', { name: 'Epochs' });
  await epochs.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 13; i++) await page.keyboard.press('ArrowRight');
  await expect(epochs).toHaveAttribute('aria-valuetext', '30');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText('Finished 30 epochs', { timeout: 60_000 });
  const cells = await page.getByRole('table', { name: 'Training history', exact: true }).locator('tbody tr td:nth-child(5)').allTextContents();
  expect(cells).toHaveLength(30);
  return Number(cells[cells.length - 1]);
}

test('with x1² and x2² a single neuron separates the circle; the network draws those inputs', async ({ page }) => {
  await openPlayground(page);
  expect(await trainSingleNeuron(page, ['x1²', 'x2²'])).toBeGreaterThan(0.95);
  await page.locator('summary', { hasText: /^Network$/ }).click();
  const network = page.getByRole('figure', { name: 'Network' });
  for (const name of ['Input x1²', 'Input x2²', 'Neuron 1.1 output']) await expect(network.getByRole('img', { name, exact: true })).toHaveCount(1);
  await expect(network.getByRole('img')).toHaveCount(3);
});

test('with x1 and x2 alone it cannot; with no feature ticked Train waits, saying why', async ({ page }) => {
  await openPlayground(page);
  expect(await trainSingleNeuron(page, ['x1', 'x2'])).toBeLessThan(0.8);
  const group = page.getByRole('group', { name: 'Input features' });
  await group.getByRole('checkbox', { name: 'x1', exact: true }).uncheck();
  await group.getByRole('checkbox', { name: 'x2', exact: true }).uncheck();
  await expect(group.getByRole('alert')).toHaveText(/No input feature is ticked/);
  await expect(page.getByRole('button', { name: 'Train' })).toBeDisabled();
});

test('a model trained on x1² and x2² imports back with those inputs ticked and its validation loss', async ({ page }) => {
  await openPlayground(page);
  await trainSingleNeuron(page, ['x1²', 'x2²']);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export model', exact: true }).click();
  const file = await (await downloading).path();
  const group = page.getByRole('group', { name: 'Input features' });
  // Back to the plain point: the model's inputs are not on screen any more.
  await group.getByRole('checkbox', { name: 'x1²', exact: true }).uncheck();
  await group.getByRole('checkbox', { name: 'x2²', exact: true }).uncheck();
  await group.getByRole('checkbox', { name: 'x1', exact: true }).check();
  await group.getByRole('checkbox', { name: 'x2', exact: true }).check();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import model' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('status')).toContainText('Imported model: val_loss');
  for (const [name, ticked] of [['x1', false], ['x2', false], ['x1²', true], ['x2²', true]] as const) {
    await expect(group.getByRole('checkbox', { name, exact: true })).toBeChecked({ checked: ticked });
  }
});
