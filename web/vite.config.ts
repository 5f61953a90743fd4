import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { catalogModule } from './vite-plugins/catalog-plugin';
import { cppRegions } from './vite-plugins/cpp-region-plugin';
import { runtimeAssets } from './vite-plugins/runtime-assets';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// CPLAY_WASM_DIR points at another build of the modules (a debug build, say).
const wasmDir = process.env.CPLAY_WASM_DIR ?? `${repoRoot}build/wasm`;

// The headers `cplay serve` sends, so the dev and preview servers behave the same. COOP + COEP
// make the page cross-origin isolated (SharedArrayBuffer for WASM threads); CORP lets our own
// files load under COEP; Document-Isolation-Policy lets Chromium isolate the page in an iframe.
// CPLAY_NO_ISOLATION=1 leaves them out, to see the fallback.
const isolationHeaders: Record<string, string> =
  process.env.CPLAY_NO_ISOLATION === '1'
    ? {}
    : {
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
        'Cross-Origin-Resource-Policy': 'same-origin',
        'Document-Isolation-Policy': 'isolate-and-require-corp',
      };

export default defineConfig({
  root: webDir,
  // Relative URLs: the built site works from any folder (a GitHub Pages project path, say).
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 400 },
  worker: { format: 'es' },
  server: { headers: isolationHeaders, fs: { allow: [repoRoot] } },
  preview: { headers: isolationHeaders },
  plugins: [
    // The C++ on the cards, cut from the core's sources (cpp-region: imports).
    cppRegions({ repoRoot }),
    // The core's names, defaults and ranges (virtual:catalog), from the modules' info().
    catalogModule({ wasmDir }),
    runtimeAssets({
      wasmDir,
      coiScript: `${repoRoot}node_modules/coi-serviceworker/coi-serviceworker.min.js`,
      // Committed, refreshed by `npm run reference`: building measures nothing.
      referenceFile: `${repoRoot}web/reference/native.json`,
      headers: isolationHeaders,
    }),
  ],
});
