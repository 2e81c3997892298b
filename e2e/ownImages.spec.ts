import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { encodePng } from '../src/testing/png';
import { buildZip } from '../src/testing/zip';
import { openPlayground } from './helpers';

/** A seeded generator, so every run of the test draws the same images. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A PNG of a dark shape on a light, slightly noisy ground: a vertical bar or a ring, placed at random. */
function shapePng(kind: 'bar' | 'ring', width: number, height: number, random: () => number): Buffer {
  const data = new Uint8ClampedArray(width * height * 4);
  const cx = width * (0.35 + 0.3 * random());
  const cy = height * (0.35 + 0.3 * random());
  const radius = Math.min(width, height) * (0.22 + 0.1 * random());
  const barWidth = Math.max(2, Math.round(width * 0.15));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const ink = kind === 'bar' ? Math.abs(x - cx) < barWidth / 2 : Math.abs(Math.hypot(x - cx, y - cy) - radius) < Math.max(1.2, width * 0.06);
      const v = ink ? 30 + 40 * random() : 220 + 35 * random();
      data.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return Buffer.from(encodePng({ width, height, data }));
}

/** 20 images of each of two sizes. */
function shapes(kind: 'bar' | 'ring', seed: number): { name: string; mimeType: string; buffer: Buffer }[] {
  const random = rng(seed);
  return [
    [24, 24],
    [40, 32],
  ].flatMap(([w, h]) => Array.from({ length: 20 }, (_, i) => ({ name: `${kind}-${w}x${h}-${i}.png`, mimeType: 'image/png', buffer: shapePng(kind, w!, h!, random) })));
}

async function valAccuracies(page: Page): Promise<number[]> {
  const table = page.getByRole('table', { name: 'Training history', exact: true });
  const headers = await table.locator('thead th').allTextContents();
  const column = headers.indexOf('val_accuracy');
  expect(column, `val_accuracy column in ${headers.join(', ')}`).toBeGreaterThan(0);
  const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (td) => td.textContent ?? '')));
  return cells.map((row) => Number(row[column]));
}

async function chooseOwnImages(page: Page): Promise<void> {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption({ label: 'Your own images' });
  await expect(page.getByText('Add images of at least two classes to train on them.', { exact: false })).toBeVisible();
}

test('own images of two classes, one file broken: counted, previewed, and a CNN learns them well above chance', async ({ page }) => {
  test.setTimeout(240_000);
  await chooseOwnImages(page);
  await page.getByLabel('Name of class 1').fill('bars');
  await page.getByLabel('Name of class 1').press('Enter');
  await page.getByLabel('Name of class 2').fill('rings');
  await page.getByLabel('Name of class 2').press('Enter');
  await page.getByLabel('Add images to class 1').setInputFiles(shapes('bar', 1));
  await expect(page.getByText('bars: 40 images')).toBeVisible();
  await page.getByLabel('Add images to class 2').setInputFiles([...shapes('ring', 2), { name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('this is not a PNG') }]);
  await expect(page.getByText('rings: 40 images')).toBeVisible();
  await expect(page.getByText('1 file could not be read as an image: broken.png.')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Images of class 1' }).getByRole('img')).toHaveCount(12);
  await expect(page.getByText(/80 rows, 32×32×1 images → class/)).toBeVisible();

  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText(/Finished \d+ epochs|Stopped early/, { timeout: 200_000 });
  const accuracies = await valAccuracies(page);
  expect(accuracies.length).toBeGreaterThan(2);
  expect(Math.max(...accuracies)).toBeGreaterThan(0.8);
});

test('a zip with a folder per class becomes classes; colour changes the input to three channels', async ({ page }) => {
  await chooseOwnImages(page);
  const random = rng(3);
  const zip = buildZip([
    ...Array.from({ length: 3 }, (_, i) => ({ path: `shapes/bars/b${i}.png`, data: shapePng('bar', 20, 20, random), method: 8 as const })),
    ...Array.from({ length: 2 }, (_, i) => ({ path: `shapes/rings/r${i}.png`, data: shapePng('ring', 20, 20, random), method: 0 as const })),
    { path: 'shapes/rings/notes.txt', data: new TextEncoder().encode('not an image') },
  ]);
  await page.getByLabel('Add a zip (a folder per class)').setInputFiles({ name: 'shapes.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await expect(page.getByText('bars: 3 images')).toBeVisible();
  await expect(page.getByText('rings: 2 images')).toBeVisible();
  await expect(page.getByText('1 file could not be read as an image: notes.txt.')).toBeVisible();
  // Two adds at once, then a change of colour: each waits for the one before, and no image is lost.
  const more = (kind: 'bar' | 'ring', count: number) =>
    Array.from({ length: count }, (_, i) => ({ name: `more-${kind}${i}.png`, mimeType: 'image/png', buffer: shapePng(kind, 30, 30, random) }));
  await page.getByLabel('Add images to class 1').setInputFiles(more('bar', 6));
  await page.getByLabel('Add images to class 2').setInputFiles(more('ring', 1));
  await page.getByRole('combobox', { name: 'Colour' }).selectOption({ label: 'Colour (RGB)' });
  await page.getByRole('combobox', { name: 'Image size' }).selectOption({ label: '16×16' });
  await expect(page.getByText(/12 rows, 16×16×3 images/)).toBeVisible();
  await expect(page.getByText('bars: 9 images')).toBeVisible();
  await expect(page.getByText('rings: 3 images')).toBeVisible();
  // The images live in memory only: after a reload the set is still chosen, and the page asks for them again.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('images');
  await expect(page.getByText(/not kept across reloads: after a reload, load them again/).first()).toBeVisible();
  await expect(page.getByText('bars: 3 images')).toHaveCount(0);
});

test('a folder with a sub-folder per class becomes classes named after the sub-folders', async ({ page }) => {
  await chooseOwnImages(page);
  const random = rng(5);
  const root = mkdtempSync(join(tmpdir(), 'own-images-'));
  try {
    const folder = join(root, 'shapes');
    for (const [kind, name, count] of [['bar', 'stripes', 4], ['ring', 'circles', 3]] as const) {
      mkdirSync(join(folder, name), { recursive: true });
      for (let i = 0; i < count; i++) writeFileSync(join(folder, name, `${i}.png`), shapePng(kind, 18, 18, random));
    }
    writeFileSync(join(folder, 'readme.png'), 'not in a class folder');
    await page.getByLabel('Add a folder (a sub-folder per class)').setInputFiles(folder);
    await expect(page.getByText('stripes: 4 images')).toBeVisible();
    await expect(page.getByText('circles: 3 images')).toBeVisible();
    await expect(page.getByText('1 file was not inside a class folder and left out: readme.png.')).toBeVisible();
    await expect(page.getByLabel('Name of class 1')).toHaveValue(/stripes|circles/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
