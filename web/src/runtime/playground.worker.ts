/// <reference lib="webworker" />
// A dedicated module Worker that owns one WebAssembly instance, loaded by the wasm package's
// loader. Runs block this Worker (and its pthreads), never the page; the page cancels by
// terminating the Worker.
import { loadPlayground, type Playground } from '../../../wasm/js/loader';
import type { Shard } from '../../../wasm/js/types';
import { poolSizeFor } from './pool-size';
import type { CallMessage, MethodMap, ReplyMessage } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

let playground: Playground | null = null;

function loaded(): Playground {
  if (!playground) throw new Error('the WebAssembly module is not loaded yet');
  return playground;
}

type Request = Parameters<Playground['run']>[0];

/**
 * One tiny run on every pool thread while the module loads: a pool Worker's first thread sets up
 * its JS side (Embind's types, the thread's state) and the first run's code gets compiled, which
 * made the first run's threads begin 10-17 ms late in Chromium; afterwards they begin at once.
 */
function warmPool(pg: Playground): void {
  pg.run({ demo: 'race', mode: 'threads', workers: pg.info().max_workers, params: { increments: 1 } });
}

async function handle(message: CallMessage): Promise<unknown> {
  switch (message.method) {
    case 'load': {
      const args = message.args as MethodMap['load'];
      if (!playground) {
        playground = await loadPlayground(args.variant, {
          base: args.base,
          ...(args.module ? { wasmModule: args.module } : {}),
          poolSize: poolSizeFor(navigator.hardwareConcurrency || 1),
          print: (text) => console.log(text),
          printErr: (text) => console.warn(text),
        });
        if (args.variant === 'threads') warmPool(playground);
      }
      return args.noInfo ? null : playground.info();
    }
    case 'info':
      return loaded().info();
    case 'validate':
      return loaded().validate((message.args as MethodMap['validate']).request as Request);
    case 'run':
      return loaded().run((message.args as MethodMap['run']).request as Request);
    case 'runShard': {
      const args = message.args as MethodMap['runShard'];
      // The page's origin is on the shared wall clock; the module counts on its own clock, so
      // move the origin onto it by the time that has passed since.
      const sinceOrigin = performance.timeOrigin + performance.now() - args.originEpochMs;
      const pg = loaded();
      return pg.runShard(args.request as Request, args.index, args.count, pg.nowMs() - sinceOrigin);
    }
    case 'assemble': {
      const args = message.args as MethodMap['assemble'];
      return loaded().assemble(args.request as Request, args.shards as Shard[], args.wallMs);
    }
    case 'queue':
      return loaded().queue(JSON.stringify((message.args as MethodMap['queue']).request));
  }
}

self.onmessage = (event: MessageEvent<CallMessage>) => {
  const message = event.data;
  handle(message).then(
    (value) => self.postMessage({ id: message.id, ok: true, value } satisfies ReplyMessage),
    (error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      self.postMessage({ id: message.id, ok: false, error: text } satisfies ReplyMessage);
    },
  );
};
