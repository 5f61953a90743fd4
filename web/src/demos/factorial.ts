import factorialMultiply from 'cpp-region:core/src/bigint_multiply.cpp:factorial-multiply';
import factorialProductTree from 'cpp-region:core/src/factorial.cpp:factorial-product-tree';
import factorialTask from 'cpp-region:core/src/workload_factorial.cpp:factorial-task';
import { numberInput } from './catalog-inputs';
import { captioned } from './cpp-snippets';
import type { DemoDefinition } from './definition';
import { switchIntervalParam } from './shared-params';

// Python threads: the same code on both builds (with the GIL, and free-threaded); the
// words beside each say what differs.
const factorialThreads = `import math, sys, time
from concurrent.futures import ThreadPoolExecutor

N = 100_000
COUNT = 4

start = time.perf_counter()
with ThreadPoolExecutor(max_workers=COUNT) as pool:
    results = list(pool.map(math.factorial, [N] * COUNT))   # one long C call per thread
print(f"{COUNT} x {N}! in {time.perf_counter() - start:.2f} s")

sys.set_int_max_str_digits(0)    # 3.11+ raises ValueError past 4300 digits unless lifted
digits = str(results[0])         # slow in itself: 456574 digits
zeros = len(digits) - len(digits.rstrip("0"))
print(f"{len(digits)} digits, starting {digits[:20]}, {zeros} trailing zeros")`;

export const factorialDemo: DemoDefinition = {
  id: 'factorial',
  title: 'Big factorials',
  kind: 'CPU-bound, big numbers',
  explanation: [
    'The lesson computes 100000! four times, once per worker. Each result has 456,574 decimal digits, so this is heavy arithmetic on very large integers and no waiting at all.',
    'Our C++ builds n! by a product tree: it multiplies neighbours in pairs, then the pairs, and so on, so that the big multiplications happen between numbers of similar size where fast algorithms pay off (Karatsuba, and for the biggest a number-theoretic transform, like an FFT over whole numbers). Printing all the digits is slow in itself, so the card reports the digit count, the first digits and the trailing zeros instead.',
    'With a GIL, four threads take as long as one after another (math.factorial holds the GIL until it returns); four processes (or Workers), or four threads on free-threaded Python, use four cores. To print all the digits, Python 3.11 and later first need sys.set_int_max_str_digits(0): past 4300 digits, turning an int into text raises ValueError.',
  ],
  expectations: {
    sequential: 'The baseline: count × the time of one factorial.',
    threads: 'Close to min(workers, cores) × faster, as threads on free-threaded Python can be.',
    'gil-threads': 'About as slow as sequential: the lesson’s “threads do not help” result, still true of standard CPython (3.11 to 3.14).',
    async: 'As slow as sequential: nothing here ever waits.',
    processes: 'Close to min(workers, cores) × faster, like the lesson’s multiprocessing run.',
    mpi: 'Like processes, close to min(ranks, cores) × faster: the ranks share no memory, and rank 0 hands out the factorials as messages while it computes some itself.',
  },
  params: [
    numberInput('n', { label: 'n', help: 'Each task computes n!.' }),
    numberInput('count', { label: 'How many factorials', help: 'The lesson uses four.' }),
    switchIntervalParam,
  ],
  defaultMode: 'processes',
  defaultWorkers: 4,
  cpp: captioned(
    ['one task: one n!, as factorial_product_tree(n) = product_range(2, n)', factorialTask],
    ['the product tree', factorialProductTree],
    ['each big multiplication picks its method by size', factorialMultiply],
  ),
  python: {
    sequential: `import math, sys, time

N = 100_000
COUNT = 4

start = time.perf_counter()
results = [math.factorial(N) for _ in range(COUNT)]
print(f"{COUNT} x {N}! in {time.perf_counter() - start:.2f} s")

sys.set_int_max_str_digits(0)    # 3.11+ raises ValueError past 4300 digits unless lifted
digits = str(results[0])         # slow in itself: 456574 digits
zeros = len(digits) - len(digits.rstrip("0"))
print(f"{len(digits)} digits, starting {digits[:20]}, {zeros} trailing zeros")`,
    gilThreads: factorialThreads,
    freeThreaded: factorialThreads,
    processes: `import math, multiprocessing as mp, sys, time

N = 100_000
COUNT = 4

def compute(n: int, results: mp.Queue) -> None:
    results.put(math.factorial(n))   # about 190 kB once pickled

if __name__ == "__main__":   # spawn and forkserver children import this file: run only once
    results = mp.Queue()
    procs = [mp.Process(target=compute, args=(N, results)) for _ in range(COUNT)]
    start = time.perf_counter()
    for p in procs:
        p.start()
    # get() before join(): a child exits only once the parent has read its big result
    values = [results.get() for _ in procs]
    for p in procs:
        p.join()
    print(f"{COUNT} x {N}! in {time.perf_counter() - start:.2f} s")

    sys.set_int_max_str_digits(0)    # 3.11+ raises ValueError past 4300 digits unless lifted
    digits = str(values[0])          # slow in itself: 456574 digits
    zeros = len(digits) - len(digits.rstrip("0"))
    print(f"{len(digits)} digits, starting {digits[:20]}, {zeros} trailing zeros")`,
    async: `import asyncio, math, sys, time

N = 100_000
COUNT = 4

async def compute(n: int) -> int:
    return math.factorial(n)     # never awaits: the tasks run one after another

async def main() -> list[int]:
    return await asyncio.gather(*(compute(N) for _ in range(COUNT)))

start = time.perf_counter()
results = asyncio.run(main())
print(f"{COUNT} x {N}! in {time.perf_counter() - start:.2f} s")

sys.set_int_max_str_digits(0)    # 3.11+ raises ValueError past 4300 digits unless lifted
digits = str(results[0])         # slow in itself: 456574 digits
zeros = len(digits) - len(digits.rstrip("0"))
print(f"{len(digits)} digits, starting {digits[:20]}, {zeros} trailing zeros")`,
  },
  summarize(result) {
    return `${String(result.count)} × ${String(result.n)}! — ${Number(result.digits).toLocaleString('en-US')} digits, starting ${String(result.leading)}…, ${Number(result.trailing_zeros).toLocaleString('en-US')} trailing zeros`;
  },
};
