import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Compiles the engine's AssemblyScript kernels (`*.as`) to WebAssembly when
 * they are imported, at build time and in the unit tests (Vitest runs the
 * same plugins): no binary is checked in or fetched. An import of `x.as`
 * gives the module's bytes for a memory of its own; `x.as?shared` the same
 * code for a shared memory (threads), for a pool of workers. The bytes are
 * inlined in the importing chunk, a few kilobytes. Compiled modules are
 * cached under node_modules/.cache by the source's hash, so each test worker
 * does not compile them again.
 */
export function assemblyScript(): Plugin {
  const pattern = /\.as(\?shared)?$/;
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  return {
    name: 'assemblyscript-kernels',
    enforce: 'pre',
    async load(id) {
      const match = pattern.exec(id);
      if (!match) return null;
      const path = id.replace(/\?.*$/, '');
      const shared = match[1] !== undefined;
      this.addWatchFile(path);
      const source = await readFile(path, 'utf8');
      const bytes = await compile(source, shared, root);
      return `export default Uint8Array.from(atob(${JSON.stringify(Buffer.from(bytes).toString('base64'))}), (c) => c.charCodeAt(0));`;
    },
  };
}

/** Pages of 64 KiB the modules' memory may grow to: 1 GiB, far above any model the playground lets one build. */
export const MAXIMUM_PAGES = 16384;

async function compile(source: string, shared: boolean, root: string): Promise<Uint8Array> {
  const { default: asc } = await import('assemblyscript/asc');
  const options = {
    optimizeLevel: 3,
    shrinkLevel: 0,
    runtime: 'stub',
    noAssert: true,
    importMemory: true,
    initialMemory: 1,
    maximumMemory: MAXIMUM_PAGES,
    sharedMemory: shared,
    enable: shared ? ['simd', 'threads'] : ['simd'],
  };
  const key = createHash('sha256').update(asc.version).update(JSON.stringify(options)).update(source).digest('hex').slice(0, 24);
  const cached = join(root, 'node_modules', '.cache', 'assemblyscript', `${key}.wasm`);
  try {
    return new Uint8Array(await readFile(cached));
  } catch {
    // Not compiled yet.
  }
  const result = await asc.compileString({ 'kernels.ts': source }, options);
  if (result.error || !result.binary) throw new Error(`AssemblyScript could not compile the kernels: ${result.error?.message ?? 'no output'}\n${result.stderr.toString()}`);
  await mkdir(dirname(cached), { recursive: true });
  await writeFile(cached, result.binary);
  return result.binary;
}
