import { defineConfig } from 'vitest/config';

/**
 * The crash-safety proof (test/crash): minutes long and CPU-hungry, so it runs on its own with
 * `npm run test:crash`, not inside `npm test` (there it is skipped: ADLERDO_CRASH_TEST is unset).
 */
export default defineConfig({
  test: {
    include: ['test/crash/**/*.test.ts'],
    testTimeout: 420_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    globalSetup: ['test/helpers/global-setup.ts'],
    env: { ADLERDO_CRASH_TEST: '1' },
  },
});
