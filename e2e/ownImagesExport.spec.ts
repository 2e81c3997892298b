import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test, type Download } from '@playwright/test';
import { readZip, streamInflateRaw } from '../src/data/zipReader';
import { encodePng, rectImage } from '../src/testing/png';
import { openPlayground } from './helpers';

const TF_PYTHON = '/work/tfvenv/bin/python';

/** Images of one class: a dark square on light, moved a little each time, in a few sizes. */
function images(prefix: string, count: number, dark: boolean) {
  return Array.from({ length: count }, (_, i) => {
    const size = 20 + 4 * (i % 3);
    const [back, fore] = dark ? [[230, 230, 230, 255], [20, 20, 20, 255]] : [[20, 20, 200, 255], [250, 250, 20, 255]];
    return { name: `${prefix}-${i}.png`, mimeType: 'image/png', buffer: Buffer.from(encodePng(rectImage(size, size, back!, fore!, { x: i, y: 2, w: 8, h: 8 }))) };
  });
}

test('Export Keras script on own images downloads images.zip: one safe folder per class, a PNG per image, read by the script', async ({ page }) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption({ label: 'Your own images' });
  // A name with a slash cannot be a folder: it becomes cats_dogs, and the script's class_names says so.
  await page.getByLabel('Name of class 1').fill('cats/dogs');
  await page.getByLabel('Name of class 1').press('Enter');
  await page.getByLabel('Name of class 2').fill('birds');
  await page.getByLabel('Name of class 2').press('Enter');
  await page.getByLabel('Add images to class 1').setInputFiles(images('a', 5, true));
  await expect(page.getByText('cats/dogs: 5 images')).toBeVisible();
  await page.getByLabel('Add images to class 2').setInputFiles(images('b', 4, false));
  await expect(page.getByText('birds: 4 images')).toBeVisible();
  const epochs = page.getByRole('slider', { name: 'Epochs' });
  await epochs.focus();
  await page.keyboard.press('Home');
  await expect(epochs).toHaveAttribute('aria-valuetext', '1');

  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText(/Finished 1 epoch/, { timeout: 120_000 });

  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Export Keras script' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  const names = downloads.map((d) => d.suggestedFilename()).sort();
  expect(names).toEqual(['images.zip', 'images_model.py']);
  const named = (name: string) => downloads.find((d) => d.suggestedFilename() === name)!;
  const script = readFileSync(await named('images_model.py').path(), 'utf8');
  expect(script).toContain('Unzip images.zip beside this script');
  expect(script).toContain('classes = ["cats_dogs", "birds"]');
  const zipBytes = new Uint8Array(readFileSync(await named('images.zip').path()));
  const zip = await readZip(zipBytes, streamInflateRaw);
  expect(zip.unreadable).toEqual([]);
  expect(zip.files.map((f) => f.path)).toEqual([
    ...Array.from({ length: 5 }, (_, i) => `images/cats_dogs/${i + 1}.png`),
    ...Array.from({ length: 4 }, (_, i) => `images/birds/${i + 1}.png`),
  ]);
  // Each is a 32 × 32 grey PNG (the size and colour trained at).
  for (const file of zip.files) {
    expect(Array.from(file.data.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(file.data.buffer, file.data.byteOffset);
    expect([view.getUint32(16), view.getUint32(20), file.data[24], file.data[25]]).toEqual([32, 32, 8, 0]);
  }

  if (!existsSync(TF_PYTHON)) return;
  // The script as it downloaded runs beside its unzipped images, and reads every one into its class.
  const dir = mkdtempSync(join(tmpdir(), 'imgzip-'));
  try {
    for (const file of zip.files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.data);
    }
    // Right after reading the images: what it read, before any one-hot encoding of y.
    expect(script).toContain('X = X / 255.0\n');
    const check = script.replace('X = X / 255.0\n', 'X = X / 255.0\nprint("LABELS", np.bincount(y).tolist(), X.shape)\n');
    writeFileSync(join(dir, 'images_model.py'), check);
    const run = spawnSync(TF_PYTHON, ['images_model.py'], { cwd: dir, encoding: 'utf8', timeout: 150_000, env: { ...process.env, MPLBACKEND: 'Agg', TF_CPP_MIN_LOG_LEVEL: '2', CUDA_VISIBLE_DEVICES: '' } });
    expect(run.status, run.stderr.slice(-2000)).toBe(0);
    expect(run.stdout).toContain('LABELS [5, 4] (9, 32, 32, 1)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
