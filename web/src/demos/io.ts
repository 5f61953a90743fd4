import ioWaitAsync from 'cpp-region:core/src/mode_async.cpp:io-wait-async';
import ioWaitGil from 'cpp-region:core/src/mode_gil.cpp:io-wait-gil';
import ioWaitBlocking from 'cpp-region:core/src/modes.hpp:io-wait-blocking';
import ioStep from 'cpp-region:core/src/workload_io.cpp:io-step';
import { choiceInput, numberInput } from './catalog-inputs';
import { captioned } from './cpp-snippets';
import type { DemoDefinition } from './definition';
import { IO_HTTP_PYTHON } from './io-http-python';
import { switchIntervalParam } from './shared-params';

// Python threads: the same code on both builds (with the GIL, and free-threaded); the
// words beside each say what differs.
const ioThreads = `import time
from concurrent.futures import ThreadPoolExecutor

TASKS = 3
SECONDS = 1.0

def task(i: int) -> int:
    time.sleep(SECONDS)          # a sleeping thread does not hold the GIL
    return i

start = time.perf_counter()
with ThreadPoolExecutor(max_workers=TASKS) as pool:   # a thread per task
    results = list(pool.map(task, range(TASKS)))      # in task order
print(f"results {results} in {time.perf_counter() - start:.2f} s")   # about 1 s`;

export const ioDemo: DemoDefinition = {
  id: 'io',
  title: 'Three workers, one second each',
  kind: 'I/O-bound',
  explanation: [
    'Each task only waits, the way a download waits for the network. Nothing is computed, so the CPU sits idle.',
    'Run one after another, three one-second waits take three seconds. Any mode that lets the waits overlap finishes in about one: threads, threads under a GIL (a waiting thread lets go of the lock), coroutines on one event loop, or processes.',
  ],
  expectations: {
    sequential: 'About tasks × latency: each wait starts when the previous one ends.',
    threads: 'About one latency when there is a thread per task.',
    'gil-threads': 'Also about one latency: waiting for I/O releases the GIL.',
    async: 'About one latency on a single thread: the loop starts every wait, then sleeps until one is due.',
    processes: 'About one latency, plus the cost of starting processes (Workers in the browser).',
    mpi: 'About tasks ÷ ranks × latency: rank 0 hands out the tasks in chunks, as messages, and each rank waits out its tasks one after another, so only the ranks overlap their waits.',
  },
  params: [
    numberInput('tasks', { label: 'Tasks', help: 'How many waits to perform.' }),
    numberInput('latency_ms', { label: 'Wait per task (ms)', help: 'How long each task waits, like one network round trip.' }),
    {
      ...choiceInput('source', {
        label: 'What each task waits on',
        help: 'sleep: a timer. http: a real download from a local server that answers after the wait (natively a loopback server the run starts; in this browser fetch() to cplay serve, 1 to 16 tasks).',
      }),
      omitAtDefault: true,
    },
    { ...numberInput('bytes', { label: 'Body bytes (http)', help: 'With source http: the size of each response body, checked byte by byte.' }), onlyWhen: { key: 'source', value: 'http' } },
    switchIntervalParam,
  ],
  defaultMode: 'threads',
  defaultWorkers: 3,
  cpp: captioned(
    ['one task, IoWorkload::step: visited twice, before and after its wait', ioStep],
    ['sequential, threads and each process: the thread blocks', ioWaitBlocking],
    ['gil-threads: let go of the GIL while blocked, as CPython does around I/O', ioWaitGil],
    ['async: the coroutine that drives a task; waits overlap on one thread', ioWaitAsync],
  ),
  python: {
    sequential: `import time

TASKS = 3
SECONDS = 1.0

def task(i: int) -> int:
    time.sleep(SECONDS)          # stands for a download
    return i

start = time.perf_counter()
results = [task(i) for i in range(TASKS)]
print(f"results {results} in {time.perf_counter() - start:.2f} s")   # about 3 s`,
    gilThreads: ioThreads,
    freeThreaded: ioThreads,
    processes: `import time
from concurrent.futures import ProcessPoolExecutor

TASKS = 3
SECONDS = 1.0

def task(i: int) -> int:
    time.sleep(SECONDS)
    return i

if __name__ == "__main__":   # spawn and forkserver children import this file: run only once
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=TASKS) as pool:   # a process per task
        results = list(pool.map(task, range(TASKS)))       # in task order
    print(f"results {results} in {time.perf_counter() - start:.2f} s")   # about 1 s + start-up`,
    async: `import asyncio, time

TASKS = 3
SECONDS = 1.0

async def task(i: int) -> int:
    await asyncio.sleep(SECONDS)  # hands the thread back to the loop while waiting
    return i

async def main() -> list[int]:
    return await asyncio.gather(*(task(i) for i in range(TASKS)))   # in task order

start = time.perf_counter()
results = asyncio.run(main())
print(f"results {results} in {time.perf_counter() - start:.2f} s")   # about 1 s, one thread`,
  },
  morePython: {
    title: 'The same downloads in Python, over real HTTP (source http)',
    note: 'urllib.request against cplay serve’s GET /api/payload: one after another, then a thread per download; each body is checked byte by byte.',
    code: IO_HTTP_PYTHON,
  },
  summarize(result) {
    const done = `${String(result.completed)} of ${String(result.tasks)} tasks completed`;
    if (typeof result.intact !== 'boolean') return done;
    const bytes = typeof result.total_bytes === 'number' ? result.total_bytes.toLocaleString('en-US') : '?';
    return `${done}, ${bytes} bytes, ${result.intact ? 'every body intact' : 'a body was short or damaged'}`;
  },
};
