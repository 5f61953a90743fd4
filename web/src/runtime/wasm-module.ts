// Loads one WebAssembly build inside a Worker and wraps its Embind functions. The module's
// factory (`createPlayground`, ES6) is fetched from the site's static wasm folder at run time,
// not bundled, because its pthread helper (cplay.worker.js) must sit beside it unrenamed.

export interface Playground {
  run(requestJson: string): string;
  validate(requestJson: string): string;
  runShard(requestJson: string, index: number, count: number, originMs: number): string;
  assemble(requestJson: string, shardsJson: string, wallMs: number): string;
  info(): string;
}

interface EmscriptenOptions {
  /** Threads build: pthreads spawned up front; also the most thread workers a run may use. */
  poolSize?: number;
  locateFile?: (path: string, prefix: string) => string;
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ) => object;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

type Factory = (options: EmscriptenOptions) => Promise<Playground>;

/**
 * Threads for the pthread pool. More than the cores on purpose: the I/O demo's threads mostly
 * sleep, and the lesson's "3 workers" must fit on a 2-core laptop; the sweep shows what extra
 * threads do (nothing, for CPU-bound work).
 */
export function poolSizeFor(cores: number): number {
  return Math.min(16, Math.max(8, cores));
}

export async function loadPlayground(moduleUrl: string, wasmModule?: WebAssembly.Module): Promise<Playground> {
  const imported = (await import(/* @vite-ignore */ moduleUrl)) as { default?: Factory };
  const factory = imported.default;
  if (typeof factory !== 'function') throw new Error(`${moduleUrl} does not export a module factory`);
  const base = new URL('.', moduleUrl);
  const options: EmscriptenOptions = {
    poolSize: poolSizeFor(navigator.hardwareConcurrency || 1),
    locateFile: (path) => new URL(path, base).href,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
  };
  if (wasmModule) {
    // Reuse the module the page compiled: instantiating is much cheaper than compiling again.
    options.instantiateWasm = (imports, receive) => {
      void WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule));
      return {};
    };
  }
  return factory(options);
}
