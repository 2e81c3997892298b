import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/** Strings every tfjs build carries (kernel names, its flags); minifiers keep them. */
const tfjsMarkers = ['Conv2DBackpropFilter', 'WEBGL_USE_SHAPES_UNIFORMS', 'BatchMatMul'];
const assets = join(process.cwd(), 'dist', 'assets');

test('tfjs is only in the worker chunk, never in what the page itself loads', () => {
  const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
  const workerChunks = scripts.filter((file) => file.startsWith('worker-'));
  const pageChunks = scripts.filter((file) => !file.startsWith('worker-'));
  expect(workerChunks).toHaveLength(1);
  expect(pageChunks.length).toBeGreaterThan(0);
  const worker = readFileSync(join(assets, workerChunks[0]!), 'utf8');
  for (const marker of tfjsMarkers) expect(worker, `worker chunk has ${marker}`).toContain(marker);
  for (const file of pageChunks) {
    const code = readFileSync(join(assets, file), 'utf8');
    for (const marker of tfjsMarkers) expect(code, `${file} must not contain tfjs (${marker})`).not.toContain(marker);
  }
});

test('the page loads no script with tfjs in it on the main thread', async ({ page }) => {
  const loaded: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') loaded.push(response.url());
  });
  await page.goto('/');
  await expect(page.getByText(/Backend: (webgl|wasm|cpu)/)).toBeVisible();
  const mainThread = loaded.filter((url) => !/\/worker-[^/]+\.js$/.test(url));
  expect(mainThread.length).toBeGreaterThan(0);
  for (const url of mainThread) {
    const body = await (await page.request.get(url)).text();
    for (const marker of tfjsMarkers) expect(body, url).not.toContain(marker);
  }
});
