// The pool section's Web Workers side in node, with a stand-in Worker that answers as task.worker.ts
// does: W Workers for the pool against one per task, every answer checked (a wrong one is caught),
// and every Worker terminated, on success and when one fails to load.
import { afterEach, describe, expect, it, vi } from 'vitest';

import { poolTaskValue } from '../../web/src/experiments/pool/task';
import { runWorkersPool } from '../../web/src/experiments/pool/workers-run';

class TaskWorker {
  static created: TaskWorker[] = [];
  static wrongTask: number | null = null;
  static failToLoad = false;
  terminated = false;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;

  constructor() {
    TaskWorker.created.push(this);
    // Like a module Worker: it says it runs once loaded, after the page set its handlers.
    setTimeout(() => {
      if (this.terminated) return;
      if (TaskWorker.failToLoad) this.onerror?.({ message: 'could not load the task module' });
      else this.onmessage?.({ data: { kind: 'running' } });
    }, 0);
  }
  postMessage({ task, work }: { task: number; work: number }): void {
    const value = poolTaskValue(task, work) + (task === TaskWorker.wrongTask ? 1n : 0n);
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: { kind: 'result', task, value: value.toString(), ms: 0 } });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  TaskWorker.created = [];
  TaskWorker.wrongTask = null;
  TaskWorker.failToLoad = false;
});

describe('the Web Workers side', () => {
  it('starts W Workers for the pool and one per task fresh, checks every answer and ends every Worker', async () => {
    vi.stubGlobal('Worker', TaskWorker);
    const outcome = await runWorkersPool(7, 3, 50);
    if (!('report' in outcome)) throw new Error(outcome.error);
    const { pool, fresh } = outcome.report;
    expect(pool.starts).toBe(3);
    expect(fresh.starts).toBe(7);
    expect(pool.workers.reduce((n, w) => n + w.tasks, 0)).toBe(7);
    for (const run of [pool, fresh]) {
      expect(run.per_task.map((t) => t.task)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(run.correct).toBe(true);
      for (const t of run.per_task) expect(t.worker).toBeLessThan(3);
    }
    expect(outcome.report.correct).toBe(true);
    expect(TaskWorker.created).toHaveLength(10);
    expect(TaskWorker.created.every((w) => w.terminated)).toBe(true);
  });

  it('catches a wrong answer', async () => {
    vi.stubGlobal('Worker', TaskWorker);
    TaskWorker.wrongTask = 4;
    const outcome = await runWorkersPool(5, 2, 20);
    if (!('report' in outcome)) throw new Error(outcome.error);
    expect(outcome.report.correct).toBe(false);
    expect(outcome.report.pool.per_task[4]?.correct).toBe(false);
    expect(outcome.report.pool.per_task[3]?.correct).toBe(true);
  });

  it('ends every Worker when one fails to load, and refuses more work than BigInt can do quickly', async () => {
    vi.stubGlobal('Worker', TaskWorker);
    TaskWorker.failToLoad = true;
    const outcome = await runWorkersPool(4, 2, 10);
    expect(outcome).toEqual({ error: 'could not load the task module' });
    expect(TaskWorker.created.every((w) => w.terminated)).toBe(true);
    expect('error' in (await runWorkersPool(256, 4, 1_000_000))).toBe(true);
  });
});
