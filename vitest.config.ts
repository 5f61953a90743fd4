import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { cppRegions } from './web/vite-plugins/cpp-region-plugin';

// Every JS-side test runs in node: wasm modules load with their node quirks handled by the
// loader, and browser tests drive Debian's Chromium through playwright-core.
export default defineConfig({
  // Tests that import the demos get the same C++ snippets as the page.
  plugins: [cppRegions({ repoRoot: fileURLToPath(new URL('.', import.meta.url)) })],
  test: {
    environment: 'node',
    include: ['tests/web/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
