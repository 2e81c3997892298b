import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Compiles the engine's AssemblyScript kernels (`*.as`) to WebAssembly when
 * they are imported, at build time and in the unit tests (Vitest runs the
 * same plugins): no binary is checked in or fetched. An import of `x.as`
 * gives the module's bytes for a memory of its own; `x.as?shared` the same
 * code for a shared memory (threads), for a pool of workers. `x.as` may
 * import the `.as` files beside it (`import { f } from './y'` reads y.as).
 * The bytes are inlined in the importing chunk, a few kilobytes. Compiled
 * modules are cached under node_modules/.cache by the sources' hash, so each
 * test worker does not compile them again.
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
      const folder = dirname(path);
      const files = (await readdir(folder)).filter((name) => name.endsWith('.as')).sort();
      // AssemblyScript resolves an import of './y' to 'y.ts': each file is served under that name.
      const sources: Record<string, string> = {};
      for (const name of files) {
        this.addWatchFile(join(folder, name));
        sources[name.replace(/\.as$/, '.ts')] = await readFile(join(folder, name), 'utf8');
      }
      const bytes = await compile(sources, basename(path).replace(/\.as$/, '.ts'), shared, root);
      return `export default Uint8Array.from(atob(${JSON.stringify(Buffer.from(bytes).toString('base64'))}), (c) => c.charCodeAt(0));`;
    },
  };
}

/** Pages of 64 KiB the modules' memory may grow to: 1 GiB, far above any model the playground lets one build. */
export const MAXIMUM_PAGES = 16384;

/** Compiles `entry` of `sources` (file name to text; the entry's imports are read from them). */
async function compile(sources: Record<string, string>, entry: string, shared: boolean, root: string): Promise<Uint8Array> {
  const { default: asc } = await import('assemblyscript/asc');
  const flags = [
    ['--optimizeLevel', '3'],
    ['--shrinkLevel', '0'],
    ['--runtime', 'stub'],
    ['--noAssert'],
    ['--importMemory'],
    ['--initialMemory', '1'],
    ['--maximumMemory', String(MAXIMUM_PAGES)],
    ...(shared ? [['--sharedMemory']] : []),
    ['--enable', shared ? 'simd,threads' : 'simd'],
  ].flat();
  const hash = createHash('sha256').update(asc.version).update(JSON.stringify(flags)).update(entry);
  for (const [name, text] of Object.entries(sources)) hash.update(name).update('\0').update(text).update('\0');
  const key = hash.digest('hex').slice(0, 24);
  const cached = join(root, 'node_modules', '.cache', 'assemblyscript', `${key}.wasm`);
  try {
    return new Uint8Array(await readFile(cached));
  } catch {
    // Not compiled yet.
  }
  const outputs: Record<string, Uint8Array | string> = {};
  const result = await asc.main(['--outFile', 'binary', ...flags, entry], {
    readFile: (name) => (Object.prototype.hasOwnProperty.call(sources, name) ? sources[name]! : null),
    writeFile: (name, contents) => {
      outputs[name] = contents;
    },
    listFiles: () => [],
  });
  const binary = outputs['binary'];
  if (result.error || !(binary instanceof Uint8Array)) throw new Error(`AssemblyScript could not compile the kernels: ${result.error?.message ?? 'no output'}\n${result.stderr.toString()}`);
  await mkdir(dirname(cached), { recursive: true });
  await writeFile(cached, binary);
  return binary;
}
