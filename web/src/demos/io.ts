import ioWaitAsync from 'cpp-region:core/src/mode_async.cpp:io-wait-async';
import ioWaitGil from 'cpp-region:core/src/mode_gil.cpp:io-wait-gil';
import ioWaitBlocking from 'cpp-region:core/src/modes.hpp:io-wait-blocking';
import ioStep from 'cpp-region:core/src/workload_io.cpp:io-step';
import { captioned } from './cpp-snippets';
import type { DemoDefinition } from './definition';
import { switchIntervalParam } from './shared-params';

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
  },
  params: [
    { kind: 'number', key: 'tasks', label: 'Tasks', help: 'How many waits to perform.', min: 1, max: 1000, default: 3 },
    {
      kind: 'number',
      key: 'latency_ms',
      label: 'Wait per task (ms)',
      help: 'How long each task waits, like one network round trip.',
      min: 0,
      max: 60000,
      default: 1000,
    },
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

def task(seconds: float) -> None:
    time.sleep(seconds)          # stands for a download

start = time.perf_counter()
for _ in range(3):
    task(1.0)
print(f"{time.perf_counter() - start:.2f} s")   # about 3 s`,
    threads: `import threading, time

def task(seconds: float) -> None:
    time.sleep(seconds)          # sleeping releases the GIL

start = time.perf_counter()
threads = [threading.Thread(target=task, args=(1.0,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()                     # wait for all three
print(f"{time.perf_counter() - start:.2f} s")   # about 1 s`,
    processes: `import multiprocessing as mp, time

def task(seconds: float) -> None:
    time.sleep(seconds)

if __name__ == "__main__":
    start = time.perf_counter()
    procs = [mp.Process(target=task, args=(1.0,)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(f"{time.perf_counter() - start:.2f} s")  # about 1 s + start-up`,
    async: `import asyncio, time

async def task(seconds: float) -> None:
    await asyncio.sleep(seconds)  # hands control back to the loop

async def main() -> None:
    await asyncio.gather(*(task(1.0) for _ in range(3)))

start = time.perf_counter()
asyncio.run(main())
print(f"{time.perf_counter() - start:.2f} s")   # about 1 s, one thread`,
  },
  summarize(result) {
    return `${String(result.completed)} of ${String(result.tasks)} tasks completed`;
  },
};
