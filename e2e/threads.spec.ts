import { expect, test, type Page } from '@playwright/test';
import { historyRows, openPlayground } from './helpers';
import { pasteOnDataset } from './w2';

/*
 * The JavaScript engine on every core: the page is served cross-origin
 * isolated, so the engine's WebAssembly SIMD kernels split the wide layers'
 * products over a pool of threads sharing one memory. The same run on tfjs's
 * CPU backend gives the same losses, so the pool's parts add up to the
 * whole product.
 */

const EPOCHS = 4;

async function pasteWideNetwork(page: Page): Promise<void> {
  await pasteOnDataset(
    page,
    'breastCancer',
    `model = keras.Sequential([
    layers.Dense(256, activation='relu', input_shape=[30]),
    layers.Dense(256, activation='relu'),
    layers.Dense(1, activation='sigmoid'),
])
model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['binary_accuracy'])
model.fit(X_train, y_train, batch_size=64, epochs=${EPOCHS})`,
  );
}

async function trainWide(page: Page, backend: string): Promise<{ epoch: number; loss: number; valLoss: number }[]> {
  await openPlayground(page, `?backend=${backend}&testHooks`);
  await pasteWideNetwork(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText(`Finished ${EPOCHS} epochs`, { timeout: 60_000 });
  await expect.poll(() => page.evaluate(() => window.__playgroundTest!.lastRunTensors())).not.toBeNull();
  const tensors = await page.evaluate(() => window.__playgroundTest!.lastRunTensors());
  expect(tensors!.after).toBe(tensors!.before);
  return historyRows(page);
}

test('the page is cross-origin isolated and the JavaScript engine trains a wide network on a thread per core, as tfjs does', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const viaTfjs = await trainWide(page, 'cpu');
  const viaEngine = await trainWide(page, 'js');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const threads = cores >= 2 ? Math.min(8, cores) : 1;
  await expect(page.getByText('Backend: js')).toBeVisible();
  await expect(page.getByText(`WebAssembly SIMD, ${threads} thread`)).toBeVisible();
  expect(viaEngine).toHaveLength(EPOCHS);
  viaTfjs.forEach((row, i) => {
    // Same seed, same weights, same batches: the losses agree to float rounding (the history shows 4 significant digits).
    expect(viaEngine[i]!.loss).toBeCloseTo(row.loss, 2);
    expect(viaEngine[i]!.valLoss).toBeCloseTo(row.valLoss, 2);
  });
  expect(viaEngine[EPOCHS - 1]!.loss).toBeLessThan(viaEngine[0]!.loss);
  expect(errors).toEqual([]);
});

test('a CNN on the engine gives the same losses on every core as on one thread: the parts of each product add up to the whole', async ({ page }) => {
  // 28 × 28 images, batch 64: the first convolution's products (43,264 patch rows of 9 values) are cut over the threads,
  // its weight gradient by its 9 inputs (4 and 5 on two threads); the second's patches and their gradients (col2im) by examples.
  const train = async (kernels: 'auto' | 'simd'): Promise<string[]> => {
    // Under Auto, each run's Backend line describes the engine's kernels afresh, so it shows the mode set here.
    await openPlayground(page, '?testHooks');
    await page.evaluate((mode) => window.__playgroundTest!.setKernelMode(mode), kernels);
    await pasteOnDataset(
      page,
      'fashion',
      `model = keras.Sequential([
    layers.Conv2D(8, 3, activation='relu', input_shape=[28, 28, 1]),
    layers.MaxPooling2D(2),
    layers.Conv2D(16, 3, activation='relu'),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(10, activation='softmax'),
])
model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
model.fit(X_train, y_train, batch_size=64, epochs=2)`,
    );
    await page.getByRole('button', { name: 'Train' }).click();
    await expect(page.getByRole('status')).toContainText('Finished 2 epochs', { timeout: 60_000 });
    await expect(page.locator('.backend')).toContainText(kernels === 'auto' ? /^Backend: js \(WebAssembly SIMD, [2-8] threads\)/ : /^Backend: js \(WebAssembly SIMD, 1 thread\)/);
    return (await historyRows(page)).map((row) => `${row.loss} ${row.valLoss}`);
  };
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  test.skip(cores < 2, 'one core: no pool to compare');
  const pooled = await train('auto');
  const single = await train('simd');
  expect(pooled).toHaveLength(2);
  // Each output is summed by one thread in the same order either way: not close, equal.
  expect(pooled).toEqual(single);
});
