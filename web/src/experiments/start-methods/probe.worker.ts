/// <reference lib="webworker" />
// The smallest Worker: it reports what it sees of the page the moment it runs, which is also
// the "started" signal the cost measurement waits for.
import { TICKER_KEY, pageVariable } from './page-global';
import type { WorkerView } from './worker-view';

declare const self: DedicatedWorkerGlobalScope;

const view: WorkerView = { variable: pageVariable(), seesPageTimer: TICKER_KEY in self };
self.postMessage(view);
