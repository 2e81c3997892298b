import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/** Strings every tfjs build carries (kernel names, its flags); minifiers keep them. */
const tfjsMarkers = ['Conv2DBackpropFilter', 'WEBGL_USE_SHAPES_UNIFORMS', 'BatchMatMul'];
const dist = join(process.cwd(), process.env.E2E_OUT_DIR ?? 'dist');
const assets = join(dist, 'assets');

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

test('the scripts the page loads before its first render weigh at most 200 KB gzip; the charts follow in their own chunk', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // The entry script and the chunks it preloads: everything needed to show the page.
  const initial = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]!);
  expect(initial.length).toBeGreaterThan(0);
  const gzipKb = (file: string) => gzipSync(readFileSync(join(assets, file))).length / 1024;
  const initialKb = initial.reduce((sum, file) => sum + gzipKb(file), 0);
  expect(initialKb, `initial scripts ${initial.join(', ')}`).toBeLessThanOrEqual(200);
  // Recharts is not among them: it arrives with the charts.
  for (const file of initial) expect(readFileSync(join(assets, file), 'utf8')).not.toContain('recharts-');
  const later = readdirSync(assets).filter((file) => file.endsWith('.js') && !initial.includes(file) && !file.startsWith('worker-') && !file.startsWith('csvWorker-'));
  expect(later.length).toBeGreaterThan(0);
});

test('the page loads no script with tfjs in it on the main thread', async ({ page }) => {
  const loaded: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') loaded.push(response.url());
  });
  await page.goto('/');
  await expect(page.getByText(/Backend: (webgl|webgpu|wasm|cpu|js)/)).toBeVisible();
  const mainThread = loaded.filter((url) => !/\/worker-[^/]+\.js$/.test(url));
  expect(mainThread.length).toBeGreaterThan(0);
  for (const url of mainThread) {
    const body = await (await page.request.get(url)).text();
    for (const marker of tfjsMarkers) expect(body, url).not.toContain(marker);
  }
});

test('the page runs under its Content-Security-Policy without a single violation', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto('/?backend=wasm');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("object-src 'none'");
  await expect(page.getByText(/Backend: wasm/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Paused\. Epoch 1\//);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('digits');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Paused\. Epoch 1\//, { timeout: 60_000 });
  await page.getByLabel('Load CSV…').setInputFiles('e2e/fixtures/houses.csv');
  await expect(page.getByRole('group', { name: 'Columns of houses.csv' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});
