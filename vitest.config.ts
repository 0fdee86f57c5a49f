import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite is single-threaded WASM; two cores: keep the number of workers small.
    maxWorkers: 2,
    // CI asks for a JSON report beside the usual output to print one summary line per database.
    reporters: process.env.KLANTSTEM_TEST_REPORT
      ? ['default', ['json', { outputFile: process.env.KLANTSTEM_TEST_REPORT }]]
      : ['default'],
  },
});
