import { expect, test, type Locator } from '@playwright/test';
import { longRun, openPlayground, stopIfRunning, waitForEpoch } from './helpers';

/** The pixels of a canvas, as a data URL, to tell whether its picture changed. */
const pixelsOf = (canvas: Locator) => canvas.evaluate((node) => (node as HTMLCanvasElement).toDataURL());

test('the Network figure draws every input and neuron over the plane, moving as it trains; a click shows a neuron large', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  await page.locator('summary', { hasText: /^Network$/ }).click();
  const network = page.getByRole('figure', { name: 'Network' });
  await expect(network).toBeVisible();
  // circle's default model: Dense(8, tanh) → Dense(8, tanh) → Dense(1, sigmoid).
  await longRun(page);
  // One epoch, then paused: Train and Pause would land hundreds of epochs in, on a model
  // already so close to converged that its pictures no longer change to the pixel.
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByRole('status')).toContainText('Paused. Epoch 1/');
  const names = ['Input x1', 'Input x2', ...[1, 2].flatMap((l) => Array.from({ length: 8 }, (_, u) => `Neuron ${l}.${u + 1} output`)), 'Neuron 3.1 output'];
  for (const name of names) await expect(network.getByRole('img', { name, exact: true })).toHaveCount(1);
  await expect(network.getByRole('img')).toHaveCount(names.length);
  const neuron = network.getByRole('img', { name: 'Neuron 1.1 output', exact: true });
  const output = network.getByRole('img', { name: 'Neuron 3.1 output', exact: true });
  const early = [await pixelsOf(neuron), await pixelsOf(output)];
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 100);
  // Redrawn as the run goes on (a few times a second, and at its end).
  // On a loaded machine the next probe can be seconds away: poll for longer than expect's default.
  await expect.poll(async () => [await pixelsOf(neuron), await pixelsOf(output)], { timeout: 20_000 }).not.toEqual(early);
  await stopIfRunning(page);
  // Links carry the weights: one per pair of neighbouring nodes.
  await expect(network.locator('svg line')).toHaveCount(2 * 8 + 8 * 8 + 8);

  // Focus reads out a node; a click shows it large under Predictions.
  const button = network.getByRole('button', { name: 'Neuron 1.1', exact: true });
  await button.focus();
  await expect(network.getByText(/Neuron 1\.1 \(tanh\): bias -?\d+\.\d+; weights in: x1 -?\d/)).toBeVisible();
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  const large = page.getByRole('img', { name: 'Neuron 1.1 output, enlarged' });
  await expect(large).toBeVisible();
  expect(await pixelsOf(large)).toEqual(await pixelsOf(neuron));
  await page.getByRole('button', { name: 'Back to the model’s output' }).click();
  await expect(large).toHaveCount(0);
  await expect(page.getByRole('img', { name: 'Decision boundary' })).toBeVisible();
});

test('a layer wider than 16 units shows its first units and expands on request', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('moons');
  const units = page.getByRole('list', { name: 'Layers' }).getByRole('listitem').first().getByRole('spinbutton', { name: 'Units' });
  await units.fill('40');
  await units.press('Tab');
  await page.locator('summary', { hasText: /^Network$/ }).click();
  const network = page.getByRole('figure', { name: 'Network' });
  await expect(network.getByRole('button', { name: /^Neuron 1\.\d+$/ })).toHaveCount(16);
  await network.getByRole('button', { name: '+24 more' }).click();
  await expect(network.getByRole('button', { name: /^Neuron 1\.\d+$/ })).toHaveCount(40);
  await network.getByRole('button', { name: 'Show fewer' }).click();
  await expect(network.getByRole('button', { name: /^Neuron 1\.\d+$/ })).toHaveCount(16);
});
