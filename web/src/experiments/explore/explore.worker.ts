/// <reference lib="webworker" />
// The explorer's Worker: loads the single-threaded build once and answers every request of the
// card (an exploration, or the replay of one schedule per click) with the core's JSON. The
// explorer runs on one thread, so it needs no pthreads; a Worker keeps a large exploration off
// the page's thread. ExploreClient (client.ts) sends the messages.
import { loadPlayground, type Playground } from '../../../../wasm/js/loader';

declare const self: DedicatedWorkerGlobalScope;

export interface ExploreRequestMessage {
  id: number;
  /** The folder of the single build's cplay.mjs. */
  base: string;
  request: unknown;
}

export type ExploreAnswerMessage = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

let playground: Promise<Playground> | null = null;

self.onmessage = async (event: MessageEvent<ExploreRequestMessage>) => {
  const { id, base, request } = event.data;
  try {
    playground ??= loadPlayground('single', { base });
    const value: unknown = JSON.parse((await playground).raw.explore(JSON.stringify(request)));
    self.postMessage({ id, ok: true, value } satisfies ExploreAnswerMessage);
  } catch (error) {
    playground = null; // a failed load is tried again on the next request
    self.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies ExploreAnswerMessage);
  }
};
