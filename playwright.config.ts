import { defineConfig } from '@playwright/test';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
// Several checkouts or sessions can test side by side, each with its own build and port.
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = process.env.E2E_OUT_DIR ?? 'dist';

/**
 * Browser tests run the production build (`vite preview`) in the system's
 * Chromium; no browser is ever downloaded. `--disable-gpu` must never be
 * added: it turns WebGL (SwiftShader here) off.
 */
export default defineConfig({
  testDir: 'e2e',
  testIgnore: ['bench/**'],
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 30_000 },
  // The JSON report is what `npm test` adds up (scripts/test-all.mjs); it goes where PLAYWRIGHT_JSON_OUTPUT_NAME says.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  outputDir: process.env.E2E_RESULTS_DIR ?? 'test-results',
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        ...(isRoot ? ['--no-sandbox'] : []),
        // This machine has no network: keep Chromium from trying to reach one.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // Chromium no longer falls back to SwiftShader for WebGL on its own.
        '--enable-unsafe-swiftshader',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
