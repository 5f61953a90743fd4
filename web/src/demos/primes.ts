import primesSieveSegment from 'cpp-region:core/src/primes.cpp:primes-sieve-segment';
import primesTrialDivision from 'cpp-region:core/src/primes.cpp:primes-trial-division';
import primesTask from 'cpp-region:core/src/workload_primes.cpp:primes-task';
import { captioned } from './cpp-snippets';
import type { DemoDefinition } from './definition';
import { switchIntervalParam } from './shared-params';

export const primesDemo: DemoDefinition = {
  id: 'primes',
  title: 'Counting primes',
  kind: 'CPU-bound',
  explanation: [
    'Every number up to the limit is tested by dividing it by each candidate up to its square root, the slow textbook way. There is no waiting: only the processor limits how fast this goes.',
    'Work that is all computation speeds up only when it runs on several cores at once. C++ threads do that. Threads that must hold a GIL take turns instead, so they are no faster than one thread; separate processes (Workers in the browser) each have their own interpreter and do run in parallel.',
    'Workers take the numbers in small chunks from a shared counter, so the expensive large numbers do not all land on one worker.',
  ],
  expectations: {
    sequential: 'The baseline: one core does everything.',
    threads: 'Close to workers × faster, up to the number of cores.',
    'gil-threads': 'No faster than sequential: only the thread holding the GIL computes.',
    async: 'No faster than sequential: coroutines share one thread and never wait.',
    processes: 'Close to workers × faster, minus the cost of starting them.',
  },
  params: [
    {
      kind: 'number',
      key: 'limit',
      label: 'Count primes up to',
      help: 'The largest number tested. The lesson uses 100,000 (9,592 primes), which takes only milliseconds natively, too short to time well; 1,000,000 has 78,498.',
      min: 1,
      max: 1_000_000_000,
      default: 1_000_000,
    },
    {
      kind: 'choice',
      key: 'algorithm',
      label: 'Algorithm',
      help: 'trial: divide by every candidate (the lesson); sieve: a segmented sieve, a better algorithm.',
      choices: ['trial', 'sieve'],
      default: 'trial',
    },
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
    sequential: `from math import isqrt

def is_prime(n: int) -> bool:
    if n < 2:
        return False
    for d in range(2, isqrt(n) + 1):
        if n % d == 0:
            return False
    return True

limit = 100_000
print(sum(1 for n in range(limit + 1) if is_prime(n)))   # 9592`,
    threads: `from concurrent.futures import ThreadPoolExecutor
from math import isqrt

def is_prime(n: int) -> bool:
    return n >= 2 and all(n % d for d in range(2, isqrt(n) + 1))

def count(first: int, last: int) -> int:
    return sum(1 for n in range(first, last) if is_prime(n))

limit, chunk = 100_000, 1000
starts = range(1, limit + 1, chunk)
with ThreadPoolExecutor(max_workers=2) as pool:   # one GIL: the threads take turns
    parts = pool.map(lambda s: count(s, min(s + chunk, limit + 1)), starts)
print(sum(parts))`,
    processes: `from concurrent.futures import ProcessPoolExecutor
from math import isqrt

def is_prime(n: int) -> bool:
    return n >= 2 and all(n % d for d in range(2, isqrt(n) + 1))

def count(first: int, last: int) -> int:
    return sum(1 for n in range(first, last) if is_prime(n))

if __name__ == "__main__":
    limit, chunk = 100_000, 1000
    firsts = list(range(1, limit + 1, chunk))
    lasts = [min(s + chunk, limit + 1) for s in firsts]
    with ProcessPoolExecutor(max_workers=2) as pool:  # one interpreter each
        print(sum(pool.map(count, firsts, lasts)))`,
    async: `import asyncio
from math import isqrt

def is_prime(n: int) -> bool:
    return n >= 2 and all(n % d for d in range(2, isqrt(n) + 1))

async def count(first: int, last: int) -> int:
    total = sum(1 for n in range(first, last) if is_prime(n))
    await asyncio.sleep(0)       # the only moment another coroutine may run
    return total

async def main(limit: int = 100_000, chunk: int = 1000) -> int:
    parts = await asyncio.gather(
        *(count(s, min(s + chunk, limit + 1)) for s in range(1, limit + 1, chunk)))
    return sum(parts)

print(asyncio.run(main()))       # no faster: one thread does all of it`,
  },
  summarize(result) {
    return `${Number(result.count).toLocaleString('en-US')} primes, the largest ${Number(result.largest).toLocaleString('en-US')}`;
  },
};
