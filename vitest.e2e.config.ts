import { defineConfig } from 'vitest/config';

// End-to-end tests: the built app in Debian's Chromium through playwright-core, launched from the sandbox EHR.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
