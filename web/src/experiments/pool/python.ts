// The Python a learner would write for the same experiment: ThreadPoolExecutor and
// ProcessPoolExecutor (workers started once, tasks from a queue) against a Thread and a Process per
// task (at most WORKERS alive). tests/web/web-pool-python.test.ts runs it under python3 and checks
// what it prints: every result right, at most WORKERS workers in a pool and one per task fresh.
export const POOL_PYTHON = `import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 32
WORKERS = 4
WORK = 20_000       # loop steps per task

MASK = (1 << 64) - 1

def task(n):
    # the same small, deterministic task as the C++ core's pool_task_value
    x = (n * 0x9E3779B97F4A7C15 + 1) & MASK
    for _ in range(WORK):
        x ^= x >> 31
        x = (x * 0xBF58476D1CE4E5B9) & MASK
        x ^= x >> 29
    return x

def task_and_worker(n):
    return task(n), (os.getpid(), threading.get_ident())

# --- pools: WORKERS started once, each takes task after task
def thread_pool():
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(task_and_worker, range(TASKS)))
    return [value for value, _ in results], len({worker for _, worker in results})

def process_pool():
    with ProcessPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(task_and_worker, range(TASKS)))
    return [value for value, _ in results], len({worker for _, worker in results})

# --- fresh: a new Thread or Process per task, WORKERS at a time
def into_list(n, values):
    values[n] = task(n)

def into_queue(n, queue):
    queue.put((n, task(n)))

def thread_per_task():
    values, started = [None] * TASKS, 0
    for first in range(0, TASKS, WORKERS):
        wave = [threading.Thread(target=into_list, args=(n, values))
                for n in range(first, min(first + WORKERS, TASKS))]
        for t in wave:
            t.start()
            started += 1
        for t in wave:
            t.join()
    return values, started

def process_per_task():
    values, started = [None] * TASKS, 0
    queue = multiprocessing.Queue()
    for first in range(0, TASKS, WORKERS):
        wave = [multiprocessing.Process(target=into_queue, args=(n, queue))
                for n in range(first, min(first + WORKERS, TASKS))]
        for p in wave:
            p.start()
            started += 1
        for _ in wave:
            n, value = queue.get()     # before join: a child ends once its result is taken
            values[n] = value
        for p in wave:
            p.join()
    return values, started

if __name__ == "__main__":
    expected = [task(n) for n in range(TASKS)]
    for name, run in [("ThreadPoolExecutor", thread_pool), ("Thread per task", thread_per_task),
                      ("ProcessPoolExecutor", process_pool), ("Process per task", process_per_task)]:
        start = time.perf_counter()
        values, workers = run()
        wall_ms = (time.perf_counter() - start) * 1000
        print(f"{name}: {workers} workers for {TASKS} tasks, "
              f"every result right: {values == expected}, wall {wall_ms:.1f} ms")
`;
