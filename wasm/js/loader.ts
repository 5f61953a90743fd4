// Loads build/wasm/<variant>/cplay.mjs in node or in a browser module Worker and wraps its
// JSON-text functions with parsed, typed values. It knows Emscripten 3.1.6's quirks:
// - node: the module would fetch() its .wasm path (node 20's fetch takes no paths), so the bytes
//   are read here; its ES6 output still reads `require` and `__dirname`, which ES modules lack;
// - the pthread helper (cplay.worker.js) must be found beside cplay.mjs;
// - idle pool threads keep node alive until shutdown() terminates them.
import type createPlaygroundFactory from '../playground';
import type { PlaygroundModule, PlaygroundModuleOptions } from '../playground';
import type {
  ErrorReport,
  Info,
  NormalizedRequest,
  QueueReport,
  Report,
  SemaphoreReport,
  PoolReport,
  AsyncReport,
  Request,
  Shard,
  Variant,
} from './types';

export type { Variant } from './types';

export interface LoadOptions {
  /** Folder of cplay.mjs: a URL, or a file path in node. Default: build/wasm/<variant>/ here. */
  base?: string | URL;
  /** Threads build: pthreads to spawn up front (1..64). Default min(cores, 16), 4 in node. */
  poolSize?: number;
  /**
   * The build's cplay.wasm compiled already (WebAssembly.compile, or compileStreaming): instantiated
   * instead of fetching and compiling the bytes again. A page compiles the single build once and
   * hands the module to every process Worker.
   */
  wasmModule?: WebAssembly.Module;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

/** A request as an object, or JSON text passed through untouched (to test bad input). */
export type RequestInput = Request | NormalizedRequest | string;

export interface Playground {
  readonly variant: Variant;
  /** The Embind module itself. */
  readonly raw: PlaygroundModule;
  info(): Info;
  run(request: RequestInput): Report | ErrorReport;
  validate(request: RequestInput): NormalizedRequest | ErrorReport;
  runShard(request: RequestInput, index: number, count: number, originMs: number): Shard | ErrorReport;
  assemble(request: RequestInput, shards: Shard[], wallMs: number): Report | ErrorReport;
  /** The queue experiment's threads mode (threads build; others answer an error report). */
  queue(request: Record<string, unknown> | string): QueueReport | ErrorReport;
  /** The semaphore experiment: async in both builds, threads in the threads build. */
  semaphore(options: Record<string, unknown> | string): SemaphoreReport | ErrorReport;
  /** The pool experiment's threads mode (threads build; others answer an error report). */
  pool(options: Record<string, unknown> | string): PoolReport | ErrorReport;
  /** The async control experiment (gather, cancel, timeout, a race across an await): both builds. */
  asyncControl(options: Record<string, unknown> | string): AsyncReport | ErrorReport;
  /** This module's clock (runShard()'s originMs is read on it). */
  nowMs(): number;
  /** Ends the pthread pool so node can exit; the wrapper is unusable afterwards. */
  shutdown(): void;
}

type Factory = typeof createPlaygroundFactory;

const isNode =
  typeof process === 'object' && typeof process.versions?.node === 'string' && typeof window === 'undefined';

// A specifier only known at run time: bundlers leave it alone instead of bundling node builtins
// or Emscripten's generated code.
const importAtRunTime = (specifier: string): Promise<any> => import(/* @vite-ignore */ specifier);

function baseUrl(variant: Variant, base: string | URL | undefined, pathToFileURL?: (path: string) => URL): URL {
  if (base === undefined) return new URL(`../../build/wasm/${variant}/`, import.meta.url);
  if (base instanceof URL) return base;
  const text = base.endsWith('/') ? base : `${base}/`;
  if (pathToFileURL && !/^[a-z][a-z0-9+.-]*:/i.test(text)) return pathToFileURL(text);
  return new URL(text, typeof location === 'object' ? location.href : undefined);
}

async function createInNode(variant: Variant, options: LoadOptions): Promise<PlaygroundModule> {
  const { createRequire } = await importAtRunTime('node:module');
  const { fileURLToPath, pathToFileURL } = await importAtRunTime('node:url');
  const { readFile } = await importAtRunTime('node:fs/promises');
  const base = baseUrl(variant, options.base, pathToFileURL);
  const moduleUrl = new URL('cplay.mjs', base);
  const g = globalThis as { require?: unknown; __dirname?: unknown };
  // `require` is also used later (os.cpus() for the core count): it stays defined.
  g.require ??= createRequire(moduleUrl);
  const factory = (await importAtRunTime(moduleUrl.href)).default as Factory;
  const moduleOptions: PlaygroundModuleOptions = {
    locateFile: (path) => fileURLToPath(new URL(path, base)),
    print: options.print,
    printErr: options.printErr,
  };
  if (options.wasmModule) moduleOptions.instantiateWasm = fromCompiled(options.wasmModule);
  else moduleOptions.wasmBinary = await readFile(new URL('cplay.wasm', base));
  if (options.poolSize !== undefined) moduleOptions.poolSize = options.poolSize;
  // `__dirname` is read once, synchronously, when the factory starts: lend it only for that.
  const previous = g.__dirname;
  g.__dirname = fileURLToPath(base);
  try {
    return await factory(moduleOptions);
  } finally {
    if (previous === undefined) delete g.__dirname;
    else g.__dirname = previous;
  }
}

async function createInBrowser(variant: Variant, options: LoadOptions): Promise<PlaygroundModule> {
  const base = baseUrl(variant, options.base);
  const factory = (await importAtRunTime(new URL('cplay.mjs', base).href)).default as Factory;
  const moduleOptions: PlaygroundModuleOptions = {
    // The pthread helper and the .wasm sit beside cplay.mjs, whatever page loaded it.
    locateFile: (path) => new URL(path, base).href,
    print: options.print,
    printErr: options.printErr,
  };
  if (options.wasmModule) moduleOptions.instantiateWasm = fromCompiled(options.wasmModule);
  if (options.poolSize !== undefined) moduleOptions.poolSize = options.poolSize;
  return factory(moduleOptions);
}

/** Emscripten's hook for instantiating from a module compiled elsewhere. */
function fromCompiled(module: WebAssembly.Module): PlaygroundModuleOptions['instantiateWasm'] {
  return (imports, receive) => {
    void WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module));
    return {}; // the exports come later, through receive()
  };
}

function text(request: RequestInput): string {
  return typeof request === 'string' ? request : JSON.stringify(request);
}

/** Loads one build of the module and returns it wrapped. */
export async function loadPlayground(variant: Variant, options: LoadOptions = {}): Promise<Playground> {
  const raw = isNode ? await createInNode(variant, options) : await createInBrowser(variant, options);
  let open = true;
  const call = <T>(body: () => string): T => {
    if (!open) throw new Error(`the ${variant} playground module was shut down`);
    return JSON.parse(body()) as T;
  };
  return {
    variant,
    raw,
    info: () => call<Info>(() => raw.info()),
    run: (request) => call(() => raw.run(text(request))),
    validate: (request) => call(() => raw.validate(text(request))),
    runShard: (request, index, count, originMs) =>
      call(() => raw.runShard(text(request), index, count, originMs)),
    assemble: (request, shards, wallMs) => call(() => raw.assemble(text(request), JSON.stringify(shards), wallMs)),
    queue: (request) => call(() => raw.queue(typeof request === 'string' ? request : JSON.stringify(request))),
    semaphore: (options) => call(() => raw.semaphore(typeof options === 'string' ? options : JSON.stringify(options))),
    pool: (options) => call(() => raw.pool(typeof options === 'string' ? options : JSON.stringify(options))),
    asyncControl: (options) =>
      call(() => raw.asyncControl(typeof options === 'string' ? options : JSON.stringify(options))),
    nowMs: () => {
      if (!open) throw new Error(`the ${variant} playground module was shut down`);
      return raw.nowMs();
    },
    shutdown: () => {
      if (!open) return;
      open = false;
      raw.PThread?.terminateAllThreads();
    },
  };
}
