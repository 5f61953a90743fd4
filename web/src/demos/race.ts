import raceSyncAtomic from 'cpp-region:core/src/workload_race.cpp:race-sync-atomic';
import raceSyncLock from 'cpp-region:core/src/workload_race.cpp:race-sync-lock';
import raceSyncNone from 'cpp-region:core/src/workload_race.cpp:race-sync-none';
import { choiceInput, flagInput, numberInput } from './catalog-inputs';
import { captioned } from './cpp-snippets';
import type { DemoDefinition } from './definition';
import { switchIntervalParam } from './shared-params';

export const raceDemo: DemoDefinition = {
  id: 'race',
  title: 'A race on a shared counter',
  kind: 'shared state',
  explanation: [
    'Each worker adds 1 to one shared counter, again and again. “Add 1” is really three steps: read the value, add, write it back. When two threads read the same value before either writes, one of the two additions is lost.',
    'With sync = none our C++ does exactly that read-then-write, with each access atomic, so updates get lost without undefined behaviour. A lock lets one worker at a time do all three steps; an atomic add does them as one indivisible instruction. Both always end at the expected total.',
    'In Python it depends on the build. Free-threaded CPython (3.13t, 3.14t) runs threads at once, and an unlocked “counter += 1” loses updates as these C++ threads do. Standard CPython 3.10 and later hands the GIL over only at certain points, such as calls and jumps back to the top of a loop, never inside “counter += 1”, so that line almost never loses an update; neither does our gil-threads mode, which switches only between slices of 1000 increments. A GIL program still loses updates when a call sits between the read and the write, as in the Python shown for threads + GIL.',
    'Coroutines on one event loop only switch at an await, so even without a lock nothing is lost. Processes do not share memory at all: each child counts to its own total in its own copy and the parent’s counter stays 0, so nothing is lost because nothing was shared. With a counter in shared memory (multiprocessing.Value in Python), an unlocked “+= 1” loses updates again; holding its lock (get_lock()) around it does not.',
  ],
  expectations: {
    sequential: 'Never loses an update: the workers’ loops run one after another, so the total is workers × increments.',
    threads: 'With sync = none, real parallel threads lose updates in most runs, a different number each time (the Histogram counts how many runs lose some); so do threads on free-threaded Python.',
    'gil-threads': 'No update lost: this GIL switches only between slices of 1000 increments, never between a read and its write, like “counter += 1” on CPython 3.10 and later. The Python beside it calls a function between the read and the write, and that loses updates.',
    async: 'No update lost: a coroutine is never interrupted between read and write.',
    processes: 'Without shared memory each child counts its own copy up to the increments and the parent’s counter stays 0: nothing shared, nothing lost. With shared memory, sync = none loses updates and a lock loses none.',
    mpi: 'The counter lives in an MPI window on rank 0 that every rank reaches. sync = none reads it and writes it back as two window operations, so updates get lost between ranks; lock holds the window’s exclusive lock around both; atomic is one MPI_Fetch_and_op. Lock and atomic lose nothing.',
  },
  params: [
    numberInput('increments', { label: 'Increments per worker', help: 'How many times each worker adds 1.' }),
    choiceInput('sync', {
      label: 'Synchronization',
      help: 'none: read then write; lock: a mutex around both; atomic: one fetch_add.',
    }),
    flagInput('shared_memory', {
      label: 'Shared memory',
      help: 'Processes increment one counter in a shared memory segment.',
      onlyIn: ['processes'],
      browserUnavailable: 'Each browser Worker has its own WebAssembly memory; this page cannot share one counter between them.',
    }),
    switchIntervalParam,
  ],
  defaultMode: 'threads',
  defaultWorkers: 2,
  workPerWorker: true,
  cpp: captioned(
    ['sync = none (value_ is the shared std::atomic<std::int64_t>; a step() is a slice of 1000 increments)', raceSyncNone],
    ['sync = lock: read and write under one mutex, so no other worker comes between them', raceSyncLock],
    ['sync = atomic: fetch_add reads, adds and writes as one indivisible step', raceSyncAtomic],
  ),
  python: {
    sequential: `INCREMENTS = 100_000
WORKERS = 2

counter = 0
for _ in range(WORKERS):         # the workers' loops, one after another
    for _ in range(INCREMENTS):
        counter += 1
print("total:", counter)         # always WORKERS x INCREMENTS: 200000`,
    gilThreads: `import threading, time
from contextlib import nullcontext

INCREMENTS = 100_000
WORKERS = 2

counter = 0
lock = threading.Lock()
start_line = threading.Barrier(WORKERS)   # all loops begin together, as in the C++

# A plain counter += 1 almost never loses an update on 3.10+: the GIL changes hands only at
# certain points, such as calls and jumps back to a loop's top, not inside that line.
# A call between the read and the write opens the gap.
def add(use_lock: bool) -> None:
    global counter
    start_line.wait()
    for _ in range(INCREMENTS):
        with lock if use_lock else nullcontext():
            seen = counter           # read
            time.sleep(0)            # a call that lets the GIL go: another thread runs here
            counter = seen + 1       # write: whatever the others added meanwhile is lost

def race(use_lock: bool) -> int:
    global counter
    counter = 0
    threads = [threading.Thread(target=add, args=(use_lock,)) for _ in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counter

print("no lock:", race(False))   # less than 200000: updates lost
print("lock:", race(True))       # 200000: read and write happen together`,
    freeThreaded: `import threading

INCREMENTS = 100_000
WORKERS = 2

counter = 0
lock = threading.Lock()
start_line = threading.Barrier(WORKERS)   # all loops begin together, as in the C++

def add(use_lock: bool) -> None:
    global counter
    start_line.wait()
    for _ in range(INCREMENTS):
        if use_lock:
            with lock:
                counter += 1     # one thread at a time reads, adds and writes
        else:
            counter += 1         # read, add, write: another core may write in between

def race(use_lock: bool) -> int:
    global counter
    counter = 0
    threads = [threading.Thread(target=add, args=(use_lock,)) for _ in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counter

print("no lock:", race(False))   # at most 200000: less on 3.13t/3.14t; the GIL build almost never loses
print("lock:", race(True))       # 200000 on every build`,
    processes: `import multiprocessing as mp

INCREMENTS = 100_000
WORKERS = 2

counter = 0                      # a plain global: each process has its own copy

def add_to_own_copy(finals: mp.Queue) -> None:
    global counter
    for _ in range(INCREMENTS):
        counter += 1
    finals.put(counter)          # this child's copy: nothing shared, so nothing lost

def add_to_shared(shared, use_lock: bool) -> None:
    for _ in range(INCREMENTS):
        if use_lock:
            with shared.get_lock():  # read and write as one step
                shared.value += 1
        else:
            shared.value += 1    # a locked read, then a locked write: updates lost between

def run(target, *args) -> list:
    procs = [mp.Process(target=target, args=args) for _ in range(WORKERS)]
    for p in procs:
        p.start()
    return procs

if __name__ == "__main__":   # spawn and forkserver children import this file: run only once
    finals = mp.Queue()
    procs = run(add_to_own_copy, finals)
    children = [finals.get() for _ in procs]
    for p in procs:
        p.join()
    print("children:", children, "parent:", counter)   # [100000, 100000] and 0

    for use_lock in (False, True):
        shared = mp.Value("q", 0)    # one 64-bit integer in shared memory
        for p in run(add_to_shared, shared, use_lock):
            p.join()
        print("shared, lock:" if use_lock else "shared, no lock:", shared.value)`,
    async: `import asyncio

INCREMENTS = 100_000
WORKERS = 2

counter = 0

async def add() -> None:
    global counter
    for i in range(INCREMENTS):
        seen = counter
        counter = seen + 1       # no await between read and write: no other task runs here
        if i % 1000 == 999:
            await asyncio.sleep(0)   # the only place another task may run

async def main() -> None:
    await asyncio.gather(*(add() for _ in range(WORKERS)))
    print("total:", counter)     # always 200000

asyncio.run(main())`,
  },
  summarize(result) {
    // Processes without shared memory: no counter was shared, so there is no "lost" to show.
    if (Array.isArray(result.child_finals)) {
      const finals = result.child_finals.map((v) => Number(v).toLocaleString('en-US')).join(', ');
      return `nothing shared, nothing lost: each child counted its own copy (${finals}); the parent’s counter stayed ${Number(result.final).toLocaleString('en-US')}`;
    }
    const lost = Number(result.lost);
    return `final ${Number(result.final).toLocaleString('en-US')} of ${Number(result.expected).toLocaleString('en-US')} expected — ${lost === 0 ? 'no update lost' : `${lost.toLocaleString('en-US')} updates lost`}`;
  },
};
