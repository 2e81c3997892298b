import { defineConfig } from 'vitest/config';

/** Runs only the corpus generator, which the normal `vitest run` (src/**\/*.test.ts) leaves out. */
export default defineConfig({
  test: {
    include: ['scripts/curveCorpus/generate.test.ts'],
    environment: 'node',
  },
});
