import type { DemoDefinition } from './definition';
import { switchIntervalParam } from './shared-params';

export const raceDemo: DemoDefinition = {
  id: 'race',
  title: 'A race on a shared counter',
  kind: 'shared state',
  explanation: [
    'Each worker adds 1 to one shared counter, again and again. “Add 1” is really three steps: read the value, add, write it back. When two threads read the same value before either writes, one of the two additions is lost.',
    'With sync = none our C++ does exactly that read-then-write, with each access atomic, so updates get lost without undefined behaviour. A lock lets one worker at a time do all three steps; an atomic add does them as one indivisible instruction. Both always end at the expected total.',
    'Coroutines on one event loop only switch at an await, so even without a lock nothing is lost. Processes do not share memory at all: each one counts in its own copy.',
  ],
  expectations: {
    sequential: 'Never loses an update: nothing else touches the counter.',
    threads: 'With sync = none, real parallel threads lose updates, a different number each run.',
    'gil-threads': 'The GIL switches only between whole slices of work here, so no update is lost (Python 3.11 also rarely loses any).',
    async: 'No update lost: a coroutine is never interrupted between read and write.',
    processes: 'Each process increments its own copy; the parent’s counter never moves.',
  },
  params: [
    {
      kind: 'number',
      key: 'increments',
      label: 'Increments per worker',
      help: 'How many times each worker adds 1.',
      min: 1,
      max: 100_000_000,
      default: 100_000,
    },
    {
      kind: 'choice',
      key: 'sync',
      label: 'Synchronization',
      help: 'none: read then write; lock: a mutex around both; atomic: one fetch_add.',
      choices: ['none', 'lock', 'atomic'],
      default: 'none',
    },
    {
      kind: 'flag',
      key: 'shared_memory',
      label: 'Shared memory',
      help: 'Processes increment one counter in a shared memory segment.',
      default: false,
      onlyIn: ['processes'],
      browserUnavailable: 'Each browser Worker has its own WebAssembly memory; this page cannot share one counter between them.',
    },
    switchIntervalParam,
  ],
  defaultMode: 'threads',
  defaultWorkers: 2,
  cpp: `std::atomic<std::int64_t> counter{0};

// sync = none: two separate atomic steps. Another worker may write in between,
// and then this write throws its update away. A race, but no undefined behaviour.
for (std::uint64_t i = 0; i < increments; ++i) {
  const std::int64_t seen = counter.load(std::memory_order_relaxed);
  counter.store(seen + 1, std::memory_order_relaxed);
}

// sync = lock: the read and the write happen while holding one mutex.
for (std::uint64_t i = 0; i < increments; ++i) {
  std::lock_guard guard(mutex);
  counter.store(counter.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
}

// sync = atomic: one indivisible read-modify-write.
for (std::uint64_t i = 0; i < increments; ++i)
  counter.fetch_add(1, std::memory_order_relaxed);`,
  python: {
    sequential: `counter = 0
for _ in range(2 * 100_000):
    counter += 1
print(counter)   # always 200000`,
    threads: `import threading

counter = 0
lock = threading.Lock()

def add(times: int, use_lock: bool) -> None:
    global counter
    for _ in range(times):
        if use_lock:
            with lock:
                counter += 1     # read, add, write: one thread at a time
        else:
            counter += 1         # the GIL may switch between read and write

threads = [threading.Thread(target=add, args=(100_000, False)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)   # 200000 unless an update was lost`,
    processes: `import multiprocessing as mp

counter = 0      # every process gets its own copy

def add(times: int) -> None:
    global counter
    for _ in range(times):
        counter += 1

if __name__ == "__main__":
    procs = [mp.Process(target=add, args=(100_000,)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(counter)   # 0: the children changed their copies, not ours
    # mp.Value("q", 0) with its lock would give one shared counter`,
    async: `import asyncio

counter = 0

async def add(times: int) -> None:
    global counter
    for i in range(times):
        counter += 1             # no await here, so no switch here
        if i % 1000 == 0:
            await asyncio.sleep(0)   # the only place another task may run

async def main() -> None:
    await asyncio.gather(add(100_000), add(100_000))
    print(counter)               # 200000 every time

asyncio.run(main())`,
  },
  summarize(result) {
    const lost = Number(result.lost);
    return `final ${Number(result.final).toLocaleString('en-US')} of ${Number(result.expected).toLocaleString('en-US')} expected — ${lost === 0 ? 'no update lost' : `${lost.toLocaleString('en-US')} updates lost`}`;
  },
};
