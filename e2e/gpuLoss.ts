import { expect, type Page } from '@playwright/test';
import type {} from '../src/state/testHooks';
import { historyRows, statusEpoch, waitForEpoch } from './helpers';

/**
 * Trains the page's experiment, loses the GPU backend's device under the run
 * (the loseGpu test hook: what a GPU reset does) once `epoch` is reached,
 * and checks what every such loss must show: the run goes on on WASM, the
 * note names `gpu` and the epoch it goes on from, every epoch is listed
 * once, and the worker's tensors end at their count before the run. Leaves
 * the run stopped.
 */
export async function trainThroughGpuLoss(page: Page, gpu: 'WebGL' | 'WebGPU', epoch: number): Promise<void> {
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, epoch);
  await page.evaluate(() => window.__playgroundTest!.loseGpu());
  await expect(page.getByText('Backend: wasm', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Run settings')).toContainText('on wasm');
  await expect(page.locator('.run-note')).toContainText(new RegExp(`${gpu} stopped working during epoch \\d+ \\(.*\\)\\. Training goes on on wasm from the weights after epoch \\d+`));
  const movedAt = await statusEpoch(page);
  await waitForEpoch(page, movedAt + 3);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status')).toContainText('Stopped at epoch');
  const rows = await historyRows(page);
  expect(rows.map((row) => row.epoch)).toEqual(rows.map((_, i) => i + 1));
  expect(rows.every((row) => Number.isFinite(row.loss))).toBe(true);
  await expect.poll(() => page.evaluate(() => window.__playgroundTest!.lastRunTensors())).not.toBeNull();
  const tensors = await page.evaluate(() => window.__playgroundTest!.lastRunTensors());
  expect(tensors!.after).toBe(tensors!.before);
}

/** After a loss, the broken backend was dropped: choosing it again (by way of CPU) starts it afresh on a new device. */
export async function chooseBackendAgain(page: Page, backend: 'webgl' | 'webgpu'): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Backend' });
  await box.selectOption('cpu');
  await expect(page.getByText('Backend: cpu', { exact: true })).toBeVisible();
  await box.selectOption(backend);
  await expect(page.getByText(`Backend: ${backend}`, { exact: true })).toBeVisible();
}
