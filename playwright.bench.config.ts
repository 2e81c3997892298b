import { defineConfig } from '@playwright/test';
import base from './playwright.config';

const webgpuArgs = ['--enable-unsafe-webgpu', ...(process.env.BENCH_WEBGPU_ADAPTER === 'hardware' ? [] : ['--use-webgpu-adapter=swiftshader'])];

/**
 * `npm run bench`: the benchmark page (dist-bench) and the app's build (dist,
 * or the folder E2E_OUT_DIR names) in the system Chromium.
 */
export default defineConfig({
  ...base,
  testDir: 'e2e/bench',
  testIgnore: [],
  timeout: Number(process.env.BENCH_TIMEOUT_MS ?? 900_000),
  retries: 0,
  use: {
    ...base.use,
    baseURL: 'http://localhost:4174',
    // No Playwright trace: its recorder snapshots the DOM at every action (a click on Train among them),
    // a main-thread task of 70-350 ms here, which the long-task counts would blame on the app.
    trace: 'off',
    // WebGPU on: headless Chromium offers it only with --enable-unsafe-webgpu. Here that is SwiftShader's
    // software adapter (whose rows the bench skips); BENCH_WEBGPU_ADAPTER=hardware leaves the adapter
    // to Chromium, for a machine with a GPU.
    launchOptions: { ...base.use?.launchOptions, args: [...(base.use?.launchOptions?.args ?? []), ...webgpuArgs] },
  },
  webServer: [
    {
      command: 'npx vite preview --config vite.bench.config.ts',
      url: 'http://localhost:4174',
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx vite preview --port 4175 --strictPort --outDir ${process.env.E2E_OUT_DIR ?? 'dist'}`,
      url: 'http://localhost:4175',
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
