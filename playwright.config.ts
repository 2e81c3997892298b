import { defineConfig } from '@playwright/test';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

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
  reporter: [['list']],
  use: {
    baseURL: 'http://localhost:4173',
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
    command: 'npx vite preview --port 4173 --strictPort',
    url: 'http://localhost:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
