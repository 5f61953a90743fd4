import factorialMultiply from 'cpp-region:core/src/bigint_multiply.cpp:factorial-multiply';
import factorialProductTree from 'cpp-region:core/src/factorial.cpp:factorial-product-tree';
import factorialTask from 'cpp-region:core/src/workload_factorial.cpp:factorial-task';
import { captioned } from './cpp-snippets';
import type { DemoDefinition } from './definition';
import { switchIntervalParam } from './shared-params';

export const factorialDemo: DemoDefinition = {
  id: 'factorial',
  title: 'Big factorials',
  kind: 'CPU-bound, big numbers',
  explanation: [
    'The lesson computes 100000! four times, once per worker. Each result has 456,574 decimal digits, so this is heavy arithmetic on very large integers and no waiting at all.',
    'Our C++ builds n! by a product tree: it multiplies neighbours in pairs, then the pairs, and so on, so that the big multiplications happen between numbers of similar size where fast algorithms pay off (Karatsuba, and for the biggest a number-theoretic transform, like an FFT over whole numbers). Printing all the digits is slow in itself, so the card reports the digit count, the first digits and the trailing zeros instead.',
    'With a GIL, four threads take as long as one after another; four processes (or Workers) use four cores.',
  ],
  expectations: {
    sequential: 'The baseline: count × the time of one factorial.',
    threads: 'Close to min(workers, cores) × faster.',
    'gil-threads': 'About as slow as sequential: the lesson’s “threads do not help” result.',
    async: 'As slow as sequential: nothing here ever waits.',
    processes: 'Close to min(workers, cores) × faster, like the lesson’s multiprocessing run.',
  },
  params: [
    { kind: 'number', key: 'n', label: 'n', help: 'Each task computes n!.', min: 0, max: 1_000_000, default: 100_000 },
    { kind: 'number', key: 'count', label: 'How many factorials', help: 'The lesson uses four.', min: 1, max: 64, default: 4 },
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
    sequential: `import math, time

start = time.perf_counter()
results = [math.factorial(100_000) for _ in range(4)]
print(f"{time.perf_counter() - start:.2f} s")
print(results[0].bit_length())      # the digit string itself is slow to make`,
    threads: `import math, threading, time

def compute(n: int, out: list, i: int) -> None:
    out[i] = math.factorial(n)       # holds the GIL the whole time

results = [0] * 4
threads = [threading.Thread(target=compute, args=(100_000, results, i)) for i in range(4)]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{time.perf_counter() - start:.2f} s")   # no better than one after another`,
    processes: `import math, multiprocessing as mp, time

def compute(n: int, queue: mp.Queue) -> None:
    queue.put(math.factorial(n).bit_length())   # send back something small

if __name__ == "__main__":
    queue = mp.Queue()
    procs = [mp.Process(target=compute, args=(100_000, queue)) for _ in range(4)]
    start = time.perf_counter()
    for p in procs:
        p.start()
    bits = [queue.get() for _ in procs]   # read before join: a full pipe blocks
    for p in procs:
        p.join()
    print(f"{time.perf_counter() - start:.2f} s", bits[0])`,
    async: `import asyncio, math

async def compute(n: int) -> int:
    return math.factorial(n).bit_length()   # never awaits: nothing overlaps

async def main() -> None:
    bits = await asyncio.gather(*(compute(100_000) for _ in range(4)))
    print(bits)

asyncio.run(main())`,
  },
  summarize(result) {
    return `${String(result.count)} × ${String(result.n)}! — ${Number(result.digits).toLocaleString('en-US')} digits, starting ${String(result.leading)}…, ${Number(result.trailing_zeros).toLocaleString('en-US')} trailing zeros`;
  },
};
