import { expect, test, type Locator, type Page } from '@playwright/test';
import { encodePng } from '../src/testing/png';
import { openPlayground } from './helpers';

/** A seeded generator, so every run of the test draws the same images. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A PNG on a near-white ground: a red vertical bar, or a blue ring, placed at random. */
function colourPng(kind: 'bar' | 'ring', side: number, random: () => number): Buffer {
  const data = new Uint8ClampedArray(side * side * 4);
  const cx = side * (0.35 + 0.3 * random());
  const cy = side * (0.35 + 0.3 * random());
  const radius = side * (0.22 + 0.1 * random());
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const ink = kind === 'bar' ? Math.abs(x - cx) < side * 0.1 : Math.abs(Math.hypot(x - cx, y - cy) - radius) < side * 0.08;
      const ground = 225 + 30 * random();
      data.set(ink ? (kind === 'bar' ? [230, 30, 30, 255] : [30, 30, 230, 255]) : [ground, ground, ground, 255], (y * side + x) * 4);
    }
  }
  return Buffer.from(encodePng({ width: side, height: side, data }));
}

const files = (kind: 'bar' | 'ring', seed: number) => {
  const random = rng(seed);
  return Array.from({ length: 12 }, (_, i) => ({ name: `${kind}${i}.png`, mimeType: 'image/png', buffer: colourPng(kind, 20, random) }));
};

/** A canvas's size and how many of its pixels are strongly red or blue, and how many distinct colours it holds. */
const look = (canvas: Locator) =>
  canvas.evaluate((node) => {
    const c = node as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - data[i + 2]!) > 100) coloured++;
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    }
    return { width: c.width, height: c.height, coloured, colours: colours.size };
  });

async function setTwoEpochs(page: Page): Promise<void> {
  const slider = page.getByRole('slider', { name: 'Epochs' });
  await slider.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', '2');
}

test('own colour images: the samples, the picked image and the model input are drawn in colour, and the feature maps list the layers', async ({ page }) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption({ label: 'Your own images' });
  await page.getByRole('combobox', { name: 'Colour' }).selectOption({ label: 'Colour (RGB)' });
  await page.getByRole('combobox', { name: 'Image size' }).selectOption({ label: '16×16' });
  await page.getByLabel('Add images to class 1').setInputFiles(files('bar', 1));
  await page.getByLabel('Add images to class 2').setInputFiles(files('ring', 2));
  await expect(page.getByText(/24 rows, 16×16×3 images/)).toBeVisible();

  // Sample images: whole 16 × 16 colour images, in their true tones (not grey crops).
  const samples = page.getByRole('group', { name: 'Sample images' }).getByRole('img');
  await expect(samples.first()).toBeVisible();
  const sample = await look(samples.first());
  expect(sample).toMatchObject({ width: 16, height: 16 });
  expect(sample.coloured).toBeGreaterThan(3);
  expect(sample.colours).toBeGreaterThan(2);

  await setTwoEpochs(page);
  await page.locator('summary', { hasText: 'Feature maps and drawing' }).click();
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText('Finished 2 epochs', { timeout: 120_000 });

  // The picked validation image and the model's input show the colour image.
  const picked = await look(page.getByRole('img', { name: /^Validation image 1: / }));
  expect(picked).toMatchObject({ width: 16, height: 16 });
  expect(picked.coloured).toBeGreaterThan(3);
  const input = page.getByRole('img', { name: 'Model input' });
  expect((await look(input)).coloured).toBeGreaterThan(3);

  // The maps are measured for the colour input: a tile per channel of the first conv layer, the class probabilities.
  const maps = page.getByRole('region', { name: 'Feature maps' });
  await expect(maps.getByRole('img', { name: /^conv2d map \d+$/ }).first()).toBeVisible({ timeout: 30_000 });
  const probabilities = page.getByRole('list', { name: 'Class probabilities' }).getByRole('listitem');
  await expect(probabilities).toHaveCount(2);
  const before = await probabilities.allTextContents();

  // A drawing on the pad is grey ink in every channel: measured too, and shown dark on white.
  const pad = page.getByRole('img', { name: 'Drawing pad' });
  await pad.focus();
  await page.keyboard.press('Space');
  await expect(page.getByText('The drawing as the model sees it')).toBeVisible();
  const drawn = await look(input);
  expect(drawn.coloured).toBe(0);
  const corner = await input.evaluate((node) => Array.from((node as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 1, 1).data));
  expect(corner).toEqual([255, 255, 255, 255]);
  const centre = await input.evaluate((node) => Array.from((node as HTMLCanvasElement).getContext('2d')!.getImageData(8, 8, 1, 1).data));
  expect(centre[0]).toBeLessThan(60);
  // The model is asked about the drawing (an input of the wrong size would never be answered).
  await expect.poll(() => probabilities.allTextContents()).not.toEqual(before);
  await expect(maps.getByRole('img', { name: /^conv2d map \d+$/ }).first()).toBeVisible();
});
