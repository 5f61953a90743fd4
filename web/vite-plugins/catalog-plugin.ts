// Lets the page import the core's catalog (demos, modes, every parameter's range and default):
//   import catalog from 'virtual:catalog';
// The forms and the address are read before any module loads, so the catalog is fixed at build
// time: the plugin loads the single-threaded wasm module in node and takes its info().catalog,
// the same tables that validate every request. The static site builds that module anyway (no
// native build is needed), and a missing one fails the build with what to run.
import { existsSync, statSync } from 'node:fs';
import type { Plugin } from 'vite';
import { loadPlayground } from '../../wasm/js/loader';
import type { Catalog } from '../../wasm/js/types';

export const CATALOG_MODULE = 'virtual:catalog';
const RESOLVED_ID = `\0${CATALOG_MODULE}`;

/** The catalog of the single build in `singleDir` (a folder holding cplay.mjs and cplay.wasm). */
export async function readCatalog(singleDir: string): Promise<Catalog> {
  const playground = await loadPlayground('single', { base: singleDir });
  try {
    return playground.info().catalog;
  } finally {
    playground.shutdown();
  }
}

export function catalogModule(options: { wasmDir: string }): Plugin {
  const singleDir = `${options.wasmDir.replace(/\/$/, '')}/single/`;
  const wasmFile = `${singleDir}cplay.wasm`;
  // Read once per build of the module: the dev server reloads the page when it is rebuilt.
  let cached: { builtAt: number; code: Promise<string> } | undefined;
  return {
    name: 'cplay-catalog',
    resolveId(source) {
      return source === CATALOG_MODULE ? RESOLVED_ID : null;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return null;
      if (!existsSync(wasmFile))
        this.error(`${wasmFile} is missing: the page's names and ranges come from the core's catalog in it (bash scripts/build-wasm.sh)`);
      this.addWatchFile(wasmFile);
      const builtAt = statSync(wasmFile).mtimeMs;
      if (cached?.builtAt !== builtAt)
        cached = { builtAt, code: readCatalog(singleDir).then((catalog) => `export default ${JSON.stringify(catalog)};`) };
      try {
        return { code: await cached.code, map: null };
      } catch (error) {
        cached = undefined;
        this.error(`cannot read the catalog from ${singleDir}: ${(error as Error).message}`);
      }
    },
  };
}
