import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { catalogModule } from './web/vite-plugins/catalog-plugin';
import { cppRegions } from './web/vite-plugins/cpp-region-plugin';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

// Every JS-side test runs in node: wasm modules load with their node quirks handled by the
// loader, and browser tests drive Debian's Chromium through playwright-core.
export default defineConfig({
  // Tests that import the demos get the same C++ snippets and catalog as the page.
  plugins: [cppRegions({ repoRoot }), catalogModule({ wasmDir: process.env.CPLAY_WASM_DIR ?? `${repoRoot}build/wasm` })],
  test: {
    environment: 'node',
    include: ['tests/web/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two files at a time: most browser and server tests wait (on latencies, Workers, a child's
    // exit) more than they compute, and each one serves, launches and checks its own processes
    // (free ports, its own descendants), so two never share state.
    fileParallelism: true,
    maxWorkers: 2,
    minWorkers: 1,
  },
});
