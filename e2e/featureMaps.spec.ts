import { expect, test, type Locator, type Page } from '@playwright/test';
import { openPlayground, waitForEpoch } from './helpers';
import { observeLongTasks } from './w2';

/** The Epochs slider set to `epochs`, its `step`-th value from 1 (a small value keeps the CNN's run short). */
async function setEpochs(page: Page, epochs: number, step: number): Promise<void> {
  const slider = page.getByRole('slider', { name: 'Epochs' });
  await slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < step; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', String(epochs));
}

/** Opens the digits set and the feature-map section. */
async function openDigits(page: Page): Promise<void> {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('digits');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  await page.locator('summary', { hasText: 'Feature maps and drawing' }).click();
  await expect(page.getByRole('img', { name: 'Drawing pad' })).toBeVisible();
}

/** The "Class probabilities" items' text. */
const probabilities = (page: Page) => page.getByRole('list', { name: 'Class probabilities' }).getByRole('listitem').allTextContents();

type Box = { x: number; y: number; width: number; height: number };

/** Where the pad is on screen, scrolled into view. */
async function padBox(pad: Locator): Promise<Box> {
  await pad.scrollIntoViewIfNeeded();
  return (await pad.boundingBox())!;
}

/**
 * A stroke from (x0, y0) to (x1, y1), in shares of the pad's size: plain
 * mouse events, which (unlike a role locator's ARIA query over the whole
 * page) are no long task of their own.
 */
async function stroke(page: Page, box: Box, [x0, y0]: [number, number], [x1, y1]: [number, number], steps = 12): Promise<void> {
  await page.mouse.move(box.x + x0 * box.width, box.y + y0 * box.height);
  await page.mouse.down();
  await page.mouse.move(box.x + x1 * box.width, box.y + y1 * box.height, { steps });
  await page.mouse.up();
}

/** How many of the pad's cells hold ink. */
const inkedCells = (pad: Locator) =>
  pad.evaluate((node) => {
    const canvas = node as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && data[i]! < 250) inked++;
    return inked;
  });

test('on digits, Feature maps shows a tile per channel of each conv and pooling layer; the drawing pad drives the Class probabilities', async ({ page }) => {
  await openDigits(page);
  await setEpochs(page, 2, 1);
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText('Finished 2 epochs', { timeout: 60_000 });

  // digits' default model: Conv2D 16 → MaxPool → Conv2D 32 → MaxPool → Flatten → Dense 64 → Dense 10.
  const maps = page.getByRole('region', { name: 'Feature maps' });
  const counts = { conv2d: 16, max_pooling2d: 16, conv2d_1: 32, max_pooling2d_1: 32 };
  for (const [layer, channels] of Object.entries(counts)) {
    await expect(maps.getByRole('img', { name: new RegExp(`^${layer} map \\d+$`) })).toHaveCount(channels);
    await expect(maps.getByRole('img', { name: `${layer} map ${channels}`, exact: true })).toHaveCount(1);
  }
  await expect(maps.getByRole('img', { name: 'dense activations' })).toHaveCount(1);
  const list = page.getByRole('list', { name: 'Class probabilities' });
  await expect(list.getByRole('listitem')).toHaveCount(10);
  const picked = await probabilities(page);
  expect(picked.every((item) => /^\d: \d+\.\d %$/.test(item))).toBe(true);
  const total = picked.reduce((sum, item) => sum + Number(/: ([\d.]+) %$/.exec(item)![1]), 0);
  expect(total).toBeGreaterThan(99);
  expect(total).toBeLessThan(101);

  // A stroke on the pad: the (finished) model is asked about the drawing instead.
  const pad = page.getByRole('img', { name: 'Drawing pad' });
  const box = await padBox(pad);
  await stroke(page, box, [0.5, 0.1], [0.5, 0.9]);
  expect(await inkedCells(pad)).toBeGreaterThan(0);
  await expect.poll(() => probabilities(page)).not.toEqual(picked);
  const drawn = await probabilities(page);
  await stroke(page, box, [0.2, 0.2], [0.8, 0.2]);
  await expect.poll(() => probabilities(page)).not.toEqual(drawn);

  // Clear empties the pad, and the maps go back to the picked image.
  await page.getByRole('button', { name: 'Clear' }).click();
  expect(await inkedCells(pad)).toBe(0);
  await expect.poll(() => probabilities(page)).toEqual(picked);

  // The keyboard draws too: an arrow key moves the cursor, Space inks a pixel.
  await pad.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  expect(await inkedCells(pad)).toBe(16);
  await expect.poll(() => probabilities(page)).not.toEqual(picked);
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect.poll(() => probabilities(page)).toEqual(picked);

  // Picking another validation image changes the prediction's input too.
  await page.getByRole('button', { name: 'Next image' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Validation image' })).toHaveValue('2');
  await expect.poll(() => probabilities(page)).not.toEqual(picked);

  // A misclassified image, clicked under Predictions, is the one the maps show.
  const wrong = page.getByRole('button', { name: /^Feature maps of validation image \d+:/ });
  expect(await wrong.count()).toBeGreaterThan(0);
  const label = (await wrong.first().getAttribute('aria-label'))!;
  const position = /validation image (\d+):/.exec(label)![1]!;
  await wrong.first().click();
  await expect(page.getByRole('spinbutton', { name: 'Validation image' })).toHaveValue(position);
});

test('drawing during a digits run follows the training live, with no main-thread task over 50 ms', async ({ page }) => {
  await observeLongTasks(page);
  await openDigits(page);
  // As many epochs as the slider allows: the JavaScript engine trains 30 of them before the strokes are drawn.
  const slider = page.getByRole('slider', { name: 'Epochs' });
  await slider.focus();
  await page.keyboard.press('End');
  const most = await slider.getAttribute('aria-valuetext');
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 1);
  const list = page.getByRole('list', { name: 'Class probabilities' });
  await expect(list.getByRole('listitem')).toHaveCount(10);
  const pad = page.getByRole('img', { name: 'Drawing pad' });
  const box = await padBox(pad);
  // Read with a plain query, not a role locator: each of those is an ARIA
  // query over the whole page, itself a long task (see w2.ts).
  const listText = () => page.evaluate(() => document.querySelector('[aria-label="Class probabilities"]')?.textContent ?? '');
  const before = await listText();
  await page.evaluate(() => {
    (window as unknown as { __longTasks: { recording: boolean } }).__longTasks.recording = true;
  });
  // Strokes of a few seconds while the run trains: a 7.
  await stroke(page, box, [0.2, 0.15], [0.8, 0.15], 40);
  await stroke(page, box, [0.8, 0.15], [0.4, 0.9], 60);
  await page.waitForTimeout(1000);
  expect(await listText()).not.toEqual(before);
  const longTasks = await page.evaluate(() => {
    const state = (window as unknown as { __longTasks: { recording: boolean; longTasks: number[] } }).__longTasks;
    state.recording = false;
    return state.longTasks;
  });
  expect(await page.getByRole('status').textContent()).toMatch(new RegExp(`Epoch \\d+/${most}`));
  expect(longTasks, 'tasks over 50 ms while drawing (ms)').toEqual([]);
  await page.getByRole('button', { name: 'Stop' }).click();
});
