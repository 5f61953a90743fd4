// The browser's own processes: Web Workers. "pool": W Workers created once, each sent task after
// task; "fresh": a `new Worker` per task, at most W alive, terminated after its answer. A start is
// timed from `new Worker` to the page receiving the Worker's first message; a task from sending it
// to its answer. Every Worker is terminated however the run ends.
import type { PoolComparison, PoolOutcome, PoolStrategy } from './report';
import { poolTaskValue } from './task';

/** Longer than any valid run; a stuck Worker fails the run rather than hanging the page. */
const RUN_TIMEOUT_MS = 60_000;

type Message = { kind: 'running' } | { kind: 'result'; task: number; value: string; ms: number };

interface Lane {
  worker: Worker;
  record: PoolStrategy['workers'][number]; // its start, in the strategy's workers
  task: PoolStrategy['per_task'][number] | null; // the task it is on
  firstTask: boolean;
  sentAt: number;
}

function newTaskWorker(): Worker {
  return new Worker(new URL('./task.worker.ts', import.meta.url), { type: 'module', name: 'cplay-pool-task' });
}

function runStrategy(tasks: number, lanes: number, work: number, fresh: boolean): Promise<PoolStrategy> {
  const origin = performance.now();
  const now = () => performance.now() - origin;
  const run: PoolStrategy = { wall_ms: 0, starts: 0, start_cost_ms: 0, sum: '0', correct: false, workers: [], per_task: [] };
  const perTask: PoolStrategy['per_task'] = [];
  const queue = Array.from({ length: tasks }, (_, t) => t);
  const alive = new Set<Worker>();
  let done = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  return new Promise<PoolStrategy>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the Workers did not finish within ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS);
    const send = (lane: Lane, task: number): void => {
      lane.sentAt = now();
      lane.task = { task, worker: lane.record.worker, start_wait_ms: 0, started_ms: lane.sentAt, ended_ms: 0, value: '0', correct: false };
      perTask[task] = lane.task;
      lane.worker.postMessage({ task, work });
    };
    const start = (laneNumber: number, task: number | null): void => {
      const index = run.workers.length;
      const asked = now();
      const worker = newTaskWorker();
      alive.add(worker);
      const record = { worker: laneNumber, id: index, asked_ms: asked, running_ms: asked, start_ms: 0, tasks: 0 };
      run.workers.push(record);
      const lane: Lane = { worker, record, task: null, firstTask: true, sentAt: 0 };
      worker.onerror = (event) => reject(new Error(event.message || 'a task Worker failed to load'));
      worker.onmessage = (event: MessageEvent<Message>) => {
        const message = event.data;
        if (message.kind === 'running') {
          record.running_ms = now();
          record.start_ms = record.running_ms - record.asked_ms;
          const next = fresh ? task : queue.shift();
          if (next === undefined || next === null) finishLane(lane);
          else send(lane, next);
          return;
        }
        const entry = lane.task;
        if (entry === null || entry.task !== message.task) {
          reject(new Error('a task Worker answered a task it was not given'));
          return;
        }
        lane.task = null;
        entry.ended_ms = now();
        entry.value = message.value;
        entry.start_wait_ms = lane.firstTask ? record.start_ms : 0;
        lane.firstTask = false;
        record.tasks += 1;
        done += 1;
        if (fresh) {
          finishLane(lane);
          const next = queue.shift();
          if (next !== undefined) start(laneNumber, next);
        } else {
          const next = queue.shift();
          if (next === undefined) finishLane(lane);
          else send(lane, next);
        }
      };
    };
    // A lane ends when it gets no more tasks; the run, when every task has answered and every lane ended.
    const finishLane = (lane: Lane): void => {
      lane.worker.terminate();
      alive.delete(lane.worker);
      if (done === tasks && alive.size === 0) {
        run.wall_ms = now();
        resolve(run);
      }
    };
    for (let lane = 0; lane < lanes; lane++) start(lane, fresh ? (queue.shift() ?? null) : null);
  }).finally(() => {
    clearTimeout(timer);
    for (const worker of alive) worker.terminate();
    alive.clear();
  }).then((finished) => {
    finished.per_task = perTask;
    return finished;
  });
}

/** Checks every answer against `expected` (the same tasks run here), and fills the totals, like the core's finish_pool_strategy. */
function finish(run: PoolStrategy, expected: string[]): void {
  const mask = (1n << 64n) - 1n;
  let sum = 0n;
  run.correct = run.per_task.length === expected.length;
  expected.forEach((value, t) => {
    const entry = run.per_task[t];
    if (entry === undefined) {
      run.correct = false;
      return;
    }
    entry.correct = entry.task === t && entry.value === value;
    run.correct &&= entry.correct;
    sum = (sum + BigInt(entry.value)) & mask;
  });
  run.sum = sum.toString();
  run.starts = run.workers.length;
  run.start_cost_ms = run.workers.reduce((total, w) => total + w.start_ms, 0);
}

/** BigInt steps are far slower than the core's: the Workers side takes at most this many in all. */
export const WORKERS_MAX_TOTAL_WORK = 2_000_000;

export async function runWorkersPool(tasks: number, workers: number, work: number): Promise<PoolOutcome> {
  if (tasks * work > WORKERS_MAX_TOTAL_WORK)
    return { error: `The Workers compute in BigInt, far slower than C++: tasks × work must be at most ${WORKERS_MAX_TOTAL_WORK} here (got ${tasks * work}); lower the work.` };
  try {
    const pool = await runStrategy(tasks, workers, work, false);
    const fresh = await runStrategy(tasks, workers, work, true);
    const expected = Array.from({ length: tasks }, (_, t) => poolTaskValue(t, work).toString());
    finish(pool, expected);
    finish(fresh, expected);
    const mask = (1n << 64n) - 1n;
    const expectedSum = expected.reduce((sum, value) => (sum + BigInt(value)) & mask, 0n).toString();
    const report: PoolComparison = {
      pool,
      fresh,
      expected_sum: expectedSum,
      correct: pool.correct && fresh.correct && pool.sum === expectedSum && fresh.sum === expectedSum,
      fresh_over_pool: pool.wall_ms > 0 ? fresh.wall_ms / pool.wall_ms : 0,
      workers,
    };
    return { report };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
