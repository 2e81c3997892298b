import type { BackendName } from '../../src/engine/protocol';
import { runBrain, runConvnet } from './peers';
import { runNaiveFit, runPlayground, skipped, type Measurement } from './runners';
import { prepare, workloads, type Prepared } from './workloads';
import { macsPerEpoch } from './macs';
import { measurePeak, type Peak } from './peak';
import { describeAdapter, isHardwareAdapter } from '../../src/engine/webgpuAuto';
import { webgpuAdapter } from '../../src/engine/webgpuProbe';

const backends: BackendName[] = ['js', 'cpu', 'wasm', 'webgl', 'webgpu'];
const state = document.getElementById('state')!;

let peak: Peak | null = null;

/** The machine's peak for the engine's kind of code (peak.ts), measured once before the workloads. */
async function benchPeak(): Promise<Peak> {
  state.textContent = 'Measuring the SIMD peak';
  peak = await measurePeak();
  state.textContent = 'Ready';
  return peak;
}

/**
 * Each row's multiply-adds a second and their share of the peak for the
 * threads it uses: the JavaScript engine's pool (all cores, measured
 * together, where the page is isolated), one core for everything else.
 */
function withShares(prepared: Map<string, Prepared>, rows: Measurement[]): Measurement[] {
  return rows.map((row) => {
    const p = prepared.get(row.workload);
    const macs = p ? macsPerEpoch(p.data.inputShape, p.layers, p.data.numTrain, p.data.numVal) : Number.NaN;
    if (!Number.isFinite(macs) || !Number.isFinite(row.epochsPerSec) || !peak) return row;
    const epochsPerSec = row.wallMsPerEpoch !== undefined && Number.isFinite(row.wallMsPerEpoch) ? 1000 / row.wallMsPerEpoch : row.epochsPerSec;
    const gmacs = (macs * epochsPerSec) / 1e9;
    const pool = row.trainer === 'playground (worker)' && row.backend === 'js' && peak.engineThreads > 1;
    const limit = pool ? (peak.engineThreads >= peak.cores ? peak.allCores : peak.oneCore * peak.engineThreads) : peak.oneCore;
    return { ...row, gmacs, shareOfPeak: gmacs / limit };
  });
}

/** Runs every workload with every trainer that supports it; the Playwright bench calls this. */
async function runBench(only?: string[]): Promise<Measurement[]> {
  const results: Measurement[] = [];
  const preparedById = new Map<string, Prepared>();
  // WebGPU is timed on a hardware adapter only: SwiftShader's (headless Chromium here) would take many
  // minutes on the recurrent workload and say nothing about a GPU.
  const adapter = await webgpuAdapter();
  const noWebgpu = adapter === null ? 'no WebGPU adapter here' : isHardwareAdapter(adapter) ? null : `WebGPU here is a software adapter (${describeAdapter(adapter) ?? 'unnamed'}); measure it on a GPU machine`;
  for (const workload of workloads.filter((w) => !only || only.includes(w.id))) {
    const prepared = await prepare(workload);
    preparedById.set(workload.id, prepared);
    for (const backend of backends) {
      if (workload.conv && backend === 'wasm') continue;
      if (backend === 'webgpu' && noWebgpu !== null) {
        results.push(skipped(prepared, 'playground (worker)', 'webgpu', noWebgpu), skipped(prepared, 'tfjs fit (main thread)', 'webgpu', noWebgpu));
        continue;
      }
      if (workload.recurrent && backend === 'js') {
        // Asked for anyway, the playground would train on tfjs (backendForRun): not the engine this row names.
        results.push(skipped(prepared, 'playground (worker)', 'js', 'the JavaScript engine does not train recurrent layers; they go to tfjs'));
        continue;
      }
      state.textContent = `${workload.id} playground on ${backend}`;
      results.push(await runPlayground(prepared, backend));
      // The engine before its WebAssembly kernels (the scalar loops, the fallback) and on one thread, side by side.
      if (backend === 'js' && !workload.recurrent) {
        for (const kernels of ['simd', 'scalar'] as const) {
          state.textContent = `${workload.id} playground on js, ${kernels}`;
          results.push(await runPlayground(prepared, backend, [], kernels));
        }
      }
      // The app shows a series' Forecast, so its runs measure the forecast as they train: that cost too, on the CPU backends.
      if (prepared.table.series && backend !== 'webgl' && backend !== 'webgpu') {
        state.textContent = `${workload.id} playground on ${backend}, forecast watched`;
        results.push(await runPlayground(prepared, backend, ['forecast']));
      }
      // The JavaScript engine is the playground's own; tfjs fit has no such backend.
      if (backend === 'js') continue;
      state.textContent = `${workload.id} naive fit on ${backend}`;
      results.push(await runNaiveFit(prepared, backend));
    }
    // The WebGL flag the playground sets, measured both ways on the same fit.
    if (workload.id === 'W2' || workload.id === 'W3') {
      for (const value of [false, true]) {
        state.textContent = `${workload.id} WebGL flags`;
        results.push(await runNaiveFit(prepared, 'webgl', { WEBGL_USE_SHAPES_UNIFORMS: value }));
      }
    }
    state.textContent = `${workload.id} peers`;
    if (workload.recurrent) {
      results.push(skipped(prepared, 'convnetjs', 'js', 'no recurrent layers'));
      results.push(skipped(prepared, 'brain.js', 'js', 'its NeuralNetwork has no recurrent layers'));
      continue;
    }
    results.push(runConvnet(prepared));
    results.push(runBrain(prepared));
  }
  state.textContent = 'Done';
  return withShares(preparedById, results);
}

(window as unknown as { runBench: typeof runBench; benchPeak: typeof benchPeak }).runBench = runBench;
(window as unknown as { benchPeak: typeof benchPeak }).benchPeak = benchPeak;
state.textContent = 'Ready';
