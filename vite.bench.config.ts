import { defineConfig } from 'vite';
import { assemblyScript } from './scripts/assemblyScriptPlugin';
import { isolationHeaders } from './vite.config';

/** The benchmark page: its own build, so tfjs on its main thread never reaches the app's bundle. */
export default defineConfig({
  root: 'e2e/bench',
  publicDir: '../../public',
  plugins: [assemblyScript()],
  worker: { format: 'es', plugins: () => [assemblyScript()] },
  build: { outDir: '../../dist-bench', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
  server: { headers: isolationHeaders },
  preview: { port: 4174, strictPort: true, headers: isolationHeaders },
});
