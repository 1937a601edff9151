import { defineConfig } from 'vitest/config'

/** Browser tests: the built server, driven by Debian's chromium through playwright-core. Run after a build. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
