import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { assemblyScript } from './scripts/assemblyScriptPlugin';

/**
 * The production page's Content-Security-Policy: scripts, workers, data and
 * WASM from our own origin only, no plugins, no inline script. Recharts sets
 * style attributes, hence 'unsafe-inline' for styles. The dev server injects
 * inline scripts (React refresh), so the policy is added to builds only.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Cross-origin isolation: with these two headers the page may use
 * SharedArrayBuffer, which the JavaScript engine's pool of threads shares
 * its memory through (src/engine/fused/pool.ts). Everything the page loads
 * is its own, so requiring CORP/CORS of other origins costs nothing. A
 * static host must send the same two headers (see the README); without
 * them the engine runs on one thread.
 */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const cspPlugin: Plugin = {
  name: 'content-security-policy',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`),
};

export default defineConfig({
  plugins: [react(), cspPlugin, assemblyScript()],
  worker: {
    format: 'es',
    // The training worker imports the engine's WebAssembly kernels too.
    plugins: () => [assemblyScript()],
  },
  build: {
    target: 'es2022',
    // tfjs lives in the worker chunk, which is large by nature; the main chunk is checked by e2e/bundle.spec.ts.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    headers: isolationHeaders,
  },
  preview: {
    port: 4173,
    strictPort: true,
    headers: isolationHeaders,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
