import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { test } from '@playwright/test';
import { benchOnly, benchSelected } from './only';
import type { Peak } from './peak';
import type { Measurement } from './runners';

const fmt = (value: number | undefined, digits = 1): string => (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits));

interface Ratio {
  workload: string;
  versus: string;
  backend: string;
  /** The playground on the same tfjs backend against the other trainer; null for the JavaScript peers. */
  sameBackend: number | null;
  /** The playground's fastest engine (as Auto would pick on a machine like this) against the other trainer. */
  best: number;
  bestBackend: string;
}

/** Ratios of the playground's samples/s to each other trainer's on the same workload. */
function ratios(results: Measurement[]): Ratio[] {
  const ours = results.filter((r) => r.trainer === 'playground (worker)' && Number.isFinite(r.samplesPerSec));
  return results
    .filter((r) => !r.trainer.startsWith('playground (worker)') && r.trainer !== 'tfjs fit, WebGL flags' && Number.isFinite(r.samplesPerSec))
    .flatMap((other) => {
      const mine = ours.filter((r) => r.workload === other.workload);
      if (mine.length === 0) return [];
      const fastest = mine.reduce((a, b) => (b.samplesPerSec > a.samplesPerSec ? b : a));
      const same = other.backend === 'js' ? undefined : mine.find((r) => r.backend === other.backend);
      return [
        {
          workload: other.workload,
          versus: other.trainer,
          backend: other.backend,
          sameBackend: same ? same.samplesPerSec / other.samplesPerSec : null,
          best: fastest.samplesPerSec / other.samplesPerSec,
          bestBackend: fastest.backend,
        },
      ];
    });
}

/** The JavaScript engine as Auto runs it (SIMD kernels on the pool) against its other kernels in the same run. */
function engineRatios(results: Measurement[]): { workload: string; versus: string; ratio: number }[] {
  return results.flatMap((row) => {
    const kernels = /^playground \(worker\), (scalar kernels|SIMD on one thread)$/.exec(row.trainer)?.[1];
    const auto = results.find((r) => r.workload === row.workload && r.trainer === 'playground (worker)' && r.backend === 'js');
    if (!kernels || !auto || !Number.isFinite(row.samplesPerSec)) return [];
    return [{ workload: row.workload, versus: kernels === 'scalar kernels' ? 'its scalar loops (the engine before this round, and the fallback)' : 'its SIMD kernels on one thread', ratio: auto.samplesPerSec / row.samplesPerSec }];
  });
}

test('benchmark: the playground against naive tfjs fit, convnetjs and brain.js', async ({ page }) => {
  test.skip(!benchSelected('W1', 'W2', 'W3', 'W4', 'W5'), 'BENCH_ONLY names no workload');
  const only = benchOnly ? [...benchOnly] : undefined;
  await page.goto('/');
  await page.getByText('Ready').waitFor();
  const loadBefore = loadavg()[0]!;
  const peak = (await page.evaluate(() => (window as unknown as { benchPeak(): Promise<Peak> }).benchPeak())) as Peak;
  const results = (await page.evaluate((ids) => (window as unknown as { runBench(ids?: string[]): Promise<Measurement[]> }).runBench(ids), only)) as Measurement[];
  const lines = [
    `Peak of the engine's WebAssembly SIMD multiply-add loop: ${fmt(peak.oneCore, 2)} G multiply-adds/s on one core; ${fmt(peak.allCores, 2)} on ${peak.cores} cores at once (navigator.hardwareConcurrency ${peak.cores}); cross-origin isolated: ${peak.isolated ? 'yes' : 'no'}, so the engine uses ${peak.engineThreads} thread${peak.engineThreads === 1 ? '' : 's'}.`,
    '',
    '| workload | trainer | backend | ms/epoch | samples/s | epochs/s | wall epochs/s | G mult-adds/s | share of peak | tensors before → after | long tasks | note |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |',
    ...results.map(
      (r) =>
        `| ${r.workload} | ${r.trainer} | ${r.backend} | ${fmt(r.msPerEpoch)} | ${fmt(r.samplesPerSec, 0)} | ${fmt(r.epochsPerSec, 2)} | ${r.wallMsPerEpoch === undefined ? '—' : fmt(1000 / r.wallMsPerEpoch, 2)} | ${fmt(r.gmacs, 2)} | ${r.shareOfPeak === undefined ? '—' : `${fmt(100 * r.shareOfPeak, 0)} %`} | ${r.tensorsBefore ?? '—'} → ${r.tensorsAfter ?? '—'} | ${r.longTasks ?? '—'} | ${r.note ?? ''} |`,
    ),
    '',
    '| workload | playground vs | on | same backend | playground fastest |',
    '| --- | --- | --- | ---: | ---: |',
    ...ratios(results).map(
      (r) => `| ${r.workload} | ${r.versus} | ${r.backend} | ${r.sameBackend === null ? '—' : `${fmt(r.sameBackend, 2)}×`} | ${fmt(r.best, 2)}× (${r.bestBackend}) |`,
    ),
    '',
    '| workload | JavaScript engine as Auto runs it vs | speed-up |',
    '| --- | --- | ---: |',
    ...engineRatios(results).map((r) => `| ${r.workload} | ${r.versus} | ${fmt(r.ratio, 2)}× |`),
    '',
    // This machine may be shared: a load above its core count slows every row.
    `Load average (1 min) over the run: ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}.`,
  ];
  console.log(lines.join('\n'));
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/bench.json', JSON.stringify({ date: new Date().toISOString(), userAgent: await page.evaluate(() => navigator.userAgent), peak, results, ratios: ratios(results) }, null, 2));
});
