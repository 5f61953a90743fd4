// Files the page loads at run time that Vite must not bundle or rename:
//   wasm/threads/*, wasm/single/*   the Emscripten builds (cplay.mjs, cplay.wasm, cplay.worker.js)
//   coi-serviceworker.js            from the coi-serviceworker package, served from the site root
//   reference/native.json           native reports measured by `cplay` at build time (optional)
// The dev server serves them from where they are built; `vite build` copies them into dist.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Connect, Plugin } from 'vite';

export interface RuntimeAssetOptions {
  /** Folder with threads/ and single/ (the WASM builds). */
  wasmDir: string;
  coiScript: string;
  referenceFile: string;
  headers: Record<string, string>;
}

const MIME: Record<string, string> = {
  '.wasm': 'application/wasm',
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.json': 'application/json',
};

/** Site path → file on disk. */
function assetMap(options: RuntimeAssetOptions): Map<string, string> {
  const map = new Map<string, string>();
  for (const variant of ['threads', 'single']) {
    const folder = join(options.wasmDir, variant);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) {
      const file = join(folder, name);
      // The module files only: the package.json beside them is for node, not the site.
      if (statSync(file).isFile() && extname(name) !== '.json') map.set(`wasm/${variant}/${name}`, file);
    }
  }
  map.set('coi-serviceworker.js', options.coiScript);
  if (existsSync(options.referenceFile)) map.set('reference/native.json', options.referenceFile);
  return map;
}

function serveAssets(options: RuntimeAssetOptions): Connect.NextHandleFunction {
  return (req, res, next) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\/+/, '');
    const file = assetMap(options).get(path);
    if (!file || !existsSync(file)) return next();
    res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    for (const [name, value] of Object.entries(options.headers)) res.setHeader(name, value);
    res.end(readFileSync(file));
  };
}

export function runtimeAssets(options: RuntimeAssetOptions): Plugin {
  return {
    name: 'cplay-runtime-assets',
    configureServer(server) {
      server.middlewares.use(serveAssets(options));
    },
    generateBundle() {
      const assets = assetMap(options);
      for (const variant of ['threads', 'single']) {
        if (![...assets.keys()].some((k) => k.startsWith(`wasm/${variant}/`))) {
          this.warn(`no WebAssembly build in ${join(options.wasmDir, variant)}: the page will say it cannot run in the browser`);
        }
      }
      if (!assets.has('reference/native.json')) {
        this.warn(`no native reference at ${options.referenceFile}: the native column will ask for a file`);
      }
      for (const [fileName, file] of assets) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
      }
    },
  };
}
