import { defineConfig } from 'vitest/config';

// Every JS-side test runs in node: wasm modules load with their node quirks handled by the
// loader, and browser tests drive Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/web/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
