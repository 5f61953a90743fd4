// The single build's cplay.wasm, compiled once per page and handed to every process Worker, so
// that starting a Worker instantiates a compiled module instead of fetching and compiling 800 KB
// again (4 Workers at once took 784 ms to start that way on 2 cores).
const compiled = new Map<string, Promise<WebAssembly.Module>>();

async function compile(url: string): Promise<WebAssembly.Module> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  // compileStreaming needs the application/wasm type; a static host may send another.
  if (typeof WebAssembly.compileStreaming === 'function' && response.headers.get('content-type')?.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/** The module at `url` (cplay.wasm), compiled on the first call; a failed compile is tried again next time. */
export function compiledModule(url: string): Promise<WebAssembly.Module> {
  let module = compiled.get(url);
  if (!module) {
    module = compile(url);
    compiled.set(url, module);
    module.catch(() => compiled.delete(url));
  }
  return module;
}
