import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `npm run bench`: the benchmark page (dist-bench) in the system Chromium. */
export default defineConfig({
  ...base,
  testDir: 'e2e/bench',
  testIgnore: [],
  timeout: 900_000,
  retries: 0,
  use: { ...base.use, baseURL: 'http://localhost:4174' },
  webServer: {
    command: 'npx vite preview --config vite.bench.config.ts',
    url: 'http://localhost:4174',
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
