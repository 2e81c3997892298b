import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * `npm run bench`: the benchmark page (dist-bench) and the app's build (dist,
 * or the folder E2E_OUT_DIR names) in the system Chromium.
 */
export default defineConfig({
  ...base,
  testDir: 'e2e/bench',
  testIgnore: [],
  timeout: 900_000,
  retries: 0,
  // No Playwright trace: its recorder snapshots the DOM at every action (a click on Train among them),
  // a main-thread task of 70-350 ms here, which the long-task counts would blame on the app.
  use: { ...base.use, baseURL: 'http://localhost:4174', trace: 'off' },
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
