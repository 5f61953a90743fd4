// The Workers of browser "processes" runs, started the lesson's two ways: fresh for every run
// (like Python's Process: each run pays their start) or from a warm pool kept across runs (like
// Pool: started once, then reused). Each Worker holds its own single-build instance,
// instantiated from the module the page compiled once, and all of a run's Workers start at once.
import { WorkerClient } from './worker-client';
import type { LoadArgs } from './worker-protocol';

export type ProcessStart = 'fresh' | 'pool';

export interface RunWorker {
  client: WorkerClient;
  /** performance.now() when this run asked for the Worker, and when it was loaded and ready. */
  askedAt: number;
  readyAt: number;
  /** Taken warm from the pool: nothing to start. */
  reused: boolean;
}

export class ProcessWorkers {
  /** Loaded Workers waiting in the pool for the next pooled run. */
  private idle: WorkerClient[] = [];
  /** Workers of the run in progress (to stop them on cancel). */
  private inUse: WorkerClient[] = [];

  constructor(
    private readonly createWorker: () => Worker,
    private readonly loadArgs: () => Promise<LoadArgs>,
  ) {}

  /** Warm Workers ready for a pooled run. */
  get pooled(): number {
    return this.idle.length;
  }

  /**
   * `count` loaded Workers for one run, all started together; fresh ones, or as many as the pool
   * has warm and fresh ones for the rest (which join the pool afterwards). Rejects, stopping
   * every Worker it started, if one fails to load.
   */
  async take(count: number, start: ProcessStart): Promise<RunWorker[]> {
    const askedAt = performance.now();
    const warm = start === 'pool' ? this.idle.splice(0, count) : [];
    const fresh = Array.from({ length: count - warm.length }, () => new WorkerClient(this.createWorker));
    for (const client of fresh) client.spawn(); // their scripts load while the module compiles
    this.inUse = [...warm, ...fresh];
    const reused: RunWorker[] = warm.map((client) => ({ client, askedAt, readyAt: askedAt, reused: true }));
    try {
      const args = await this.loadArgs();
      const started = await Promise.all(
        fresh.map(async (client) => {
          await client.call('load', args);
          return { client, askedAt, readyAt: performance.now(), reused: false };
        }),
      );
      return [...reused, ...started];
    } catch (error) {
      this.stop();
      throw error;
    }
  }

  /** After the run: pooled Workers wait for the next run when `sound`, every other one stops. */
  release(workers: readonly RunWorker[], start: ProcessStart, sound: boolean): void {
    for (const { client } of workers) {
      if (start === 'pool' && sound) this.idle.push(client);
      else client.terminate();
    }
    this.inUse = [];
  }

  /** Stops the run's Workers now (cancel): they may be mid-run, so none goes back to the pool. */
  stop(): void {
    for (const client of this.inUse) client.terminate();
    this.inUse = [];
  }

  /** Stops every Worker, the pool's too. */
  stopAll(): void {
    this.stop();
    for (const client of this.idle) client.terminate();
    this.idle = [];
  }
}
