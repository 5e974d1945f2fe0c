import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Tests that spawn the process run the compiled start (dist/), as `npm start` does.
    globalSetup: ['tests/helpers/build.ts'],
  },
});
