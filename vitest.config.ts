import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Most files wait on sockets, PostgreSQL and timers, not the CPU: use every core, not all but one.
    maxWorkers: '100%',
    // Tests that spawn the process run the compiled start (dist/), as `npm start` does.
    globalSetup: ['tests/helpers/build.ts'],
  },
});
