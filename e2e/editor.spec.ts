import { expect, test, type Page } from '@playwright/test';
import { longRun, openPlayground, statusEpoch, stopIfRunning, waitForEpoch } from './helpers';

const layers = (page: Page) => page.getByRole('list', { name: 'Layers' }).getByRole('listitem');
const summary = (page: Page) => page.getByRole('table', { name: 'Model summary' });
const kinds = async (page: Page) => (await layers(page).locator('.layer-kind').allTextContents()).map((s) => s.trim());

test('layers are added, edited, reordered from the keyboard and by dragging, and removed', async ({ page }) => {
  await openPlayground(page);
  await expect(summary(page)).toContainText('Total params: 4,801');

  await page.getByRole('combobox', { name: 'Layer type' }).selectOption('dropout');
  await page.getByRole('button', { name: 'Add layer' }).click();
  expect(await kinds(page)).toEqual(['Dense', 'Dense', 'Dropout', 'Dense']);

  const first = layers(page).first();
  await first.getByRole('spinbutton', { name: 'Units' }).fill('10');
  // 8·10 + 10, then 10·64 + 64, then 65.
  await expect(summary(page)).toContainText('Total params: 859');
  await first.getByRole('combobox', { name: 'Activation' }).selectOption('tanh');
  await expect(first.getByRole('combobox', { name: 'Activation' })).toHaveValue('tanh');

  // Keyboard: focus the dropout's "Move layer up" and press it twice with Enter.
  const dropout = layers(page).nth(2);
  await dropout.getByRole('button', { name: 'Move layer up' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  expect(await kinds(page)).toEqual(['Dropout', 'Dense', 'Dense', 'Dense']);
  await expect(layers(page).first().getByRole('button', { name: 'Move layer up' })).toBeDisabled();

  // Drag the dropout back between the two hidden layers.
  await layers(page).first().dragTo(layers(page).nth(2));
  expect(await kinds(page)).toEqual(['Dense', 'Dense', 'Dropout', 'Dense']);

  await layers(page).nth(2).getByRole('button', { name: 'Remove layer' }).click();
  expect(await kinds(page)).toEqual(['Dense', 'Dense', 'Dense']);
});

test('validation explains in plain words what is wrong before training can start', async ({ page }) => {
  await openPlayground(page);
  const output = layers(page).last();
  await output.getByRole('spinbutton', { name: 'Units' }).fill('3');
  await expect(output).toContainText('so the last layer must output 1 value; it outputs 3');
  await expect(page.getByRole('button', { name: 'Train' })).toBeDisabled();
  await output.getByRole('spinbutton', { name: 'Units' }).fill('1');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();

  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
  await layers(page).last().getByRole('combobox', { name: 'Activation' }).selectOption('softmax');
  await expect(layers(page).last()).toContainText('softmax on a single unit always outputs 1');
  await expect(page.getByRole('list', { name: 'Why training cannot start' })).toContainText(
    'Binary cross-entropy needs a sigmoid output',
  );
  await expect(page.getByRole('button', { name: 'Train' })).toBeDisabled();
});

test('the Dropout and Batch normalization switches change the list and the summary', async ({ page }) => {
  await openPlayground(page);
  const dropout = page.getByRole('checkbox', { name: 'Dropout', exact: true });
  const batchNorm = page.getByRole('checkbox', { name: 'Batch normalization' });
  await dropout.check();
  expect(await kinds(page)).toEqual(['Dense', 'Dropout', 'Dense', 'Dropout', 'Dense']);
  await expect(summary(page)).toContainText('dropout_1 (Dropout)');

  await batchNorm.check();
  expect(await kinds(page)).toEqual([
    'Dense',
    'Dropout',
    'Batch normalization',
    'Dense',
    'Dropout',
    'Batch normalization',
    'Dense',
  ]);
  // Two BatchNormalization layers on 64 features: 4 · 64 each, half of it not trained.
  await expect(summary(page)).toContainText('Total params: 5,313 · Trainable: 5,057 · Non-trainable: 256');

  // The rate slider sets every dropout layer.
  const rate = page.getByRole('slider', { name: 'Dropout rate' });
  await rate.focus();
  await page.keyboard.press('ArrowRight');
  await expect(rate).toHaveAttribute('aria-valuetext', '35 %');
  await expect(layers(page).nth(1).getByRole('spinbutton', { name: 'Rate' })).toHaveValue('0.35');

  await dropout.uncheck();
  await batchNorm.uncheck();
  expect(await kinds(page)).toEqual(['Dense', 'Dense', 'Dense']);
  await expect(summary(page)).toContainText('Total params: 4,801');

  // Removing a dropout layer by hand turns the switch off: they never disagree.
  await dropout.check();
  await layers(page).nth(1).getByRole('button', { name: 'Remove layer' }).click();
  await expect(dropout).not.toBeChecked();
});

test('a single neuron shows y = w·x + b with its weights moving as it trains', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  // A single neuron on WASM runs 100 epochs in moments; keep it going while the test watches.
  await longRun(page);
  await expect(page.getByRole('img', { name: /Layer 1 kernel/ })).toHaveCount(0);
  while ((await layers(page).count()) > 1) await layers(page).first().getByRole('button', { name: 'Remove layer' }).click();
  await expect(summary(page)).toContainText('Total params: 9');
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 2);
  await page.getByText('Weights', { exact: true }).click();
  const equation = page.getByLabel('Single neuron weights');
  await expect(equation).toBeVisible();
  await expect(equation).toContainText(/^y = −?[\d.]+·cement/);
  await expect(equation).toContainText('·age');
  const early = await equation.textContent();
  await waitForEpoch(page, (await statusEpoch(page)) + 3);
  expect(await equation.textContent()).not.toEqual(early);
  await stopIfRunning(page);
});

test('a small dense network shows one weight heatmap per layer', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Paused\. Epoch 1\//);
  await page.getByText('Weights', { exact: true }).click();
  await expect(page.getByRole('img', { name: /^Layer 1 kernel, 8 inputs × 64 units/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Layer 2 kernel, 64 inputs × 64 units/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Layer 3 kernel, 64 inputs × 1 units/ })).toBeVisible();
});

test('a CNN shows its convolution filters, one tile per filter and input channel', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('digits');
  await expect(summary(page)).toContainText('Total params: 13,706');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Paused\. Epoch 1\//);
  await page.getByText('Weights', { exact: true }).click();
  const first = page.getByRole('img', { name: /^Layer 1 filters, 16 of 3×3 over 1 input channel \(/ });
  await expect(first).toBeVisible();
  await expect(page.getByRole('img', { name: /^Layer 3 filters, 32 of 3×3 over 16 input channels/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Layer 6 kernel, 128 inputs × 64 units/ })).toBeVisible();
  // Two rows of eight 3×3 tiles, a blank line between tiles.
  const size = await first.evaluate((canvas: HTMLCanvasElement) => [canvas.width, canvas.height]);
  const cell = size[1]! / 7;
  expect(cell).toBeGreaterThanOrEqual(4);
  expect(size[0]).toBe((8 * 4 - 1) * cell);
  // A second epoch moves the filters: the drawing changes.
  const pixels = () => first.evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
  const before = await pixels();
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Paused\. Epoch 2\//);
  await expect.poll(pixels).not.toBe(before);
});
