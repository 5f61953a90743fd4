// The page's side of one Worker: every call gets an id and a promise; the reply with that id
// settles it. Cancel is terminate(): the Worker (and any threads it started) stops at once and
// every outstanding promise rejects with CancelledError. A fresh Worker is made on the next call.
import type { CallMessage, Method, MethodMap, ReplyMessage } from './worker-protocol';

export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

/** The Worker died (crash, out of memory, load failure) rather than answering. */
export class WorkerFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerFailedError';
  }
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (reason: Error) => void;
}

export class WorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly createWorker: () => Worker) {}

  get started(): boolean {
    return this.worker !== null;
  }

  call<M extends Method>(method: M, args: MethodMap[M]): Promise<unknown> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const message: CallMessage<M> = { id, method, args };
    return new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(message);
    });
  }

  /** Starts the Worker now, before the first call (its script loads meanwhile). */
  spawn(): void {
    this.ensureWorker();
  }

  /** Stops the Worker now; outstanding calls reject with `reason`. */
  terminate(reason: Error = new CancelledError()): void {
    this.worker?.terminate();
    this.worker = null;
    this.rejectAll(reason);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event: MessageEvent<ReplyMessage>) => this.settle(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.terminate(new WorkerFailedError(event.message || 'the Worker failed'));
    };
    worker.onmessageerror = () => this.terminate(new WorkerFailedError('a message could not be read'));
    this.worker = worker;
    return worker;
  }

  private settle(reply: ReplyMessage): void {
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(new WorkerFailedError(reply.error));
  }

  private rejectAll(reason: Error): void {
    const waiters = [...this.pending.values()];
    this.pending.clear();
    for (const waiter of waiters) waiter.reject(reason);
  }
}
