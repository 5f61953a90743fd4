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
  cpp: `// A task is one wait. How the worker spends it is the mode's business.
StepResult step(std::size_t task, std::uint64_t& cursor, std::size_t worker) {
  if (cursor == 0) {            // first visit: ask to wait
    cursor = 1;
    return {StepKind::Wait, latency_ms, 0};
  }
  ++completed[worker];          // second visit: the wait is over
  return {StepKind::Done, 0, 1};
}

// threads:      std::this_thread::sleep_for(latency)   the thread blocks
// gil-threads:  gil.release(); sleep_for(latency); gil.acquire();
// async:        co_await loop.sleep(latency_ms);        the coroutine suspends`,
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
