import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The crash-safety proof runs for minutes: `npm run test:crash` (vitest.crash.config.ts).
    exclude: ['test/crash/**', 'node_modules/**'],
    // Integration tests start real PostgreSQL, sandboxes and Chromium: give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});
