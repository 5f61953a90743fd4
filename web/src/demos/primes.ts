import primesSieveSegment from 'cpp-region:core/src/primes.cpp:primes-sieve-segment';
import primesTrialDivision from 'cpp-region:core/src/primes.cpp:primes-trial-division';
import primesTask from 'cpp-region:core/src/workload_primes.cpp:primes-task';
import { choiceInput, numberInput } from './catalog-inputs';
import { captioned } from './cpp-snippets';
import type { DemoDefinition } from './definition';
import { switchIntervalParam } from './shared-params';

// Python threads: the same code on both builds (with the GIL, and free-threaded); the
// words beside each say what differs.
const primesThreads = `import time
from concurrent.futures import ThreadPoolExecutor
from math import isqrt

LIMIT = 100_000
WORKERS = 2
CHUNK = 1000

def is_prime(n: int) -> bool:
    return n >= 2 and all(n % d for d in range(2, isqrt(n) + 1))

def count(first: int) -> int:
    return sum(1 for n in range(first, min(first + CHUNK, LIMIT + 1)) if is_prime(n))

start = time.perf_counter()
with ThreadPoolExecutor(max_workers=WORKERS) as pool:   # each thread takes the next chunk
    total = sum(pool.map(count, range(1, LIMIT + 1, CHUNK)))
print(f"{total} primes up to {LIMIT} in {time.perf_counter() - start:.2f} s")`;

export const primesDemo: DemoDefinition = {
  id: 'primes',
  title: 'Counting primes',
  kind: 'CPU-bound',
  explanation: [
    'Every number up to the limit is tested by dividing it by each candidate up to its square root, the slow textbook way. There is no waiting: only the processor limits how fast this goes.',
    'Work that is all computation speeds up only when it runs on several cores at once. C++ threads do that, and so do Python threads on the free-threaded build (3.13t, 3.14t). Threads that must hold a GIL, as on the standard CPython build, take turns instead, so they are no faster than one thread; separate processes (Workers in the browser) each have their own interpreter and do run in parallel.',
    'Workers take the numbers in small chunks from a shared counter, so the expensive large numbers do not all land on one worker.',
  ],
  expectations: {
    sequential: 'The baseline: one core does everything.',
    threads: 'Close to workers × faster, up to the number of cores; free-threaded Python threads can do the same.',
    'gil-threads': 'No faster than sequential: only the thread holding the GIL computes. On standard CPython, use processes for work like this, not threads.',
    async: 'No faster than sequential: coroutines share one thread and never wait.',
    processes: 'Close to workers × faster, minus the cost of starting them.',
    mpi: 'Ranks are processes that share no memory: rank 0 hands out the numbers in chunks, as messages, and works through chunks of its own meanwhile; a rank that finishes one asks for the next. Like processes, close to ranks × faster, up to the number of cores.',
  },
  params: [
    numberInput('limit', {
      label: 'Count primes up to',
      help: 'The largest number tested. The lesson uses 100,000 (9,592 primes), which takes only milliseconds natively, too short to time well; 1,000,000 has 78,498.',
      // The core's default is the lesson's 100,000, too quick to time well (the help says why).
      pageDefault: 1_000_000,
    }),
    choiceInput('algorithm', {
      label: 'Algorithm',
      help: 'trial: divide by every candidate (the lesson); sieve: a segmented sieve, a better algorithm.',
    }),
    switchIntervalParam,
  ],
  defaultMode: 'threads',
  defaultWorkers: 2,
  cpp: captioned(
    ['one task: a chunk of numbers, taken by whichever worker is free', primesTask],
    ['algorithm = trial: tally_primes_trial counts the numbers for which this is true', primesTrialDivision],
    ['algorithm = sieve: tally_primes_sieve crosses off multiples instead', primesSieveSegment],
  ),
  python: {
    sequential: `import time
from math import isqrt

LIMIT = 100_000

def is_prime(n: int) -> bool:
    if n < 2:
        return False
    for d in range(2, isqrt(n) + 1):
        if n % d == 0:
            return False         # found a divisor: stop early
    return True

start = time.perf_counter()
count = sum(1 for n in range(LIMIT + 1) if is_prime(n))
print(f"{count} primes up to {LIMIT} in {time.perf_counter() - start:.2f} s")   # 9592 primes up to 100000`,
    gilThreads: primesThreads,
    freeThreaded: primesThreads,
    processes: `import time
from concurrent.futures import ProcessPoolExecutor
from math import isqrt

LIMIT = 100_000
WORKERS = 2
CHUNK = 1000

def is_prime(n: int) -> bool:
    return n >= 2 and all(n % d for d in range(2, isqrt(n) + 1))

def count(first: int) -> int:
    return sum(1 for n in range(first, min(first + CHUNK, LIMIT + 1)) if is_prime(n))

if __name__ == "__main__":   # spawn and forkserver children import this file: run only once
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=WORKERS) as pool:   # one interpreter, one GIL each
        total = sum(pool.map(count, range(1, LIMIT + 1, CHUNK)))
    print(f"{total} primes up to {LIMIT} in {time.perf_counter() - start:.2f} s")`,
    async: `import asyncio, time
from math import isqrt

LIMIT = 100_000
CHUNK = 1000

def is_prime(n: int) -> bool:
    return n >= 2 and all(n % d for d in range(2, isqrt(n) + 1))

async def count(first: int) -> int:
    total = sum(1 for n in range(first, min(first + CHUNK, LIMIT + 1)) if is_prime(n))
    await asyncio.sleep(0)       # the only moment another task may run
    return total

async def main() -> int:
    return sum(await asyncio.gather(*(count(s) for s in range(1, LIMIT + 1, CHUNK))))

start = time.perf_counter()
total = asyncio.run(main())      # one thread does all of it: no faster
print(f"{total} primes up to {LIMIT} in {time.perf_counter() - start:.2f} s")`,
  },
  summarize(result) {
    return `${Number(result.count).toLocaleString('en-US')} primes, the largest ${Number(result.largest).toLocaleString('en-US')}`;
  },
};
