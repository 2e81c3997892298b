import { mkdir, writeFile } from 'node:fs/promises';
import { test } from '@playwright/test';
import type { Measurement } from './runners';

const fmt = (value: number | undefined, digits = 1): string => (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits));

/** Ratio of the playground's samples/s to another trainer's on the same workload (and backend, for tfjs). */
function ratios(results: Measurement[]): { workload: string; versus: string; backend: string; ratio: number }[] {
  const ours = results.filter((r) => r.trainer === 'playground (worker)');
  return results
    .filter((r) => r.trainer !== 'playground (worker)')
    .flatMap((other) => {
      const mine = other.backend === 'js' ? ours.filter((r) => r.workload === other.workload) : ours.filter((r) => r.workload === other.workload && r.backend === other.backend);
      const best = Math.max(...mine.map((r) => r.samplesPerSec).filter(Number.isFinite));
      return Number.isFinite(best) && Number.isFinite(other.samplesPerSec)
        ? [{ workload: other.workload, versus: other.trainer, backend: other.backend, ratio: best / other.samplesPerSec }]
        : [];
    });
}

test('benchmark: the playground against naive tfjs fit, convnetjs and brain.js', async ({ page }) => {
  const only = process.env.BENCH_ONLY?.split(',');
  await page.goto('/');
  await page.getByText('Ready').waitFor();
  const results = (await page.evaluate((ids) => (window as unknown as { runBench(ids?: string[]): Promise<Measurement[]> }).runBench(ids), only)) as Measurement[];
  const lines = [
    '| workload | trainer | backend | ms/epoch | samples/s | epochs/s | tensors before → after | long tasks | note |',
    '| --- | --- | --- | ---: | ---: | ---: | --- | ---: | --- |',
    ...results.map(
      (r) =>
        `| ${r.workload} | ${r.trainer} | ${r.backend} | ${fmt(r.msPerEpoch)} | ${fmt(r.samplesPerSec, 0)} | ${fmt(r.epochsPerSec, 2)} | ${r.tensorsBefore ?? '—'} → ${r.tensorsAfter ?? '—'} | ${r.longTasks ?? '—'} | ${r.note ?? ''} |`,
    ),
    '',
    '| workload | playground vs | backend | samples/s ratio |',
    '| --- | --- | --- | ---: |',
    ...ratios(results).map((r) => `| ${r.workload} | ${r.versus} | ${r.backend} | ${fmt(r.ratio, 2)}× |`),
  ];
  console.log(lines.join('\n'));
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/bench.json', JSON.stringify({ date: new Date().toISOString(), userAgent: await page.evaluate(() => navigator.userAgent), results, ratios: ratios(results) }, null, 2));
});
