/// <reference lib="webworker" />
// A dedicated module Worker that owns one WebAssembly instance. Runs block this Worker (and its
// pthreads), never the page; the page cancels by terminating the Worker.
import { loadPlayground, type Playground } from './wasm-module';
import type { CallMessage, Method, MethodMap, ReplyMessage } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

let playground: Playground | null = null;

function loaded(): Playground {
  if (!playground) throw new Error('the WebAssembly module is not loaded yet');
  return playground;
}

async function handle(message: CallMessage): Promise<string> {
  const method: Method = message.method;
  switch (method) {
    case 'load': {
      const args = message.args as MethodMap['load']['args'];
      playground ??= await loadPlayground(args.moduleUrl, args.wasmModule);
      return playground.info();
    }
    case 'info':
      return loaded().info();
    case 'validate':
      return loaded().validate((message.args as MethodMap['validate']['args']).requestJson);
    case 'run':
      return loaded().run((message.args as MethodMap['run']['args']).requestJson);
    case 'runShard': {
      const args = message.args as MethodMap['runShard']['args'];
      // Each Worker's performance.now() counts from its own start; the page's origin is on the
      // shared wall clock, so translate it to this Worker's clock before the module sees it.
      const originMs = args.originEpochMs - performance.timeOrigin;
      return loaded().runShard(args.requestJson, args.index, args.count, originMs);
    }
    case 'assemble': {
      const args = message.args as MethodMap['assemble']['args'];
      return loaded().assemble(args.requestJson, args.shardsJson, args.wallMs);
    }
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
