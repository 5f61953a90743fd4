// The Python a learner would write for the same experiment: "limit concurrent downloads" with
// threading.Semaphore, then with asyncio.Semaphore. tests/web/web-semaphore-python.test.ts runs it
// under python3 and checks what it prints: never more than LIMIT in flight, and LIMIT reached.
export const SEMAPHORE_PYTHON = `import asyncio
import threading
import time

TASKS = 6
LIMIT = 2           # at most this many downloads at once
LATENCY_S = 0.2     # each download waits this long

# --- threads: one thread per download, a counting semaphore at the door
permits = threading.Semaphore(LIMIT)
count_lock = threading.Lock()
in_flight = 0
max_in_flight = 0

def download():
    global in_flight, max_in_flight
    with permits:                  # blocks while LIMIT others are inside
        with count_lock:
            in_flight += 1
            max_in_flight = max(max_in_flight, in_flight)
        time.sleep(LATENCY_S)      # the I/O wait
        with count_lock:
            in_flight -= 1

start = time.perf_counter()
threads = [threading.Thread(target=download) for _ in range(TASKS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
wall = time.perf_counter() - start
print(f"threads: max in flight {max_in_flight} of {LIMIT}, "
      f"wall {wall:.2f} s, ideal {-(-TASKS // LIMIT) * LATENCY_S:.2f} s")

# --- asyncio: one coroutine per download on one event loop
async def main():
    permits = asyncio.Semaphore(LIMIT)
    in_flight = 0
    max_in_flight = 0

    async def download():
        nonlocal in_flight, max_in_flight
        async with permits:        # suspends only this coroutine while LIMIT others are inside
            in_flight += 1         # one thread: no lock needed between awaits
            max_in_flight = max(max_in_flight, in_flight)
            await asyncio.sleep(LATENCY_S)
            in_flight -= 1

    start = time.perf_counter()
    await asyncio.gather(*(download() for _ in range(TASKS)))
    wall = time.perf_counter() - start
    print(f"asyncio: max in flight {max_in_flight} of {LIMIT}, "
          f"wall {wall:.2f} s, ideal {-(-TASKS // LIMIT) * LATENCY_S:.2f} s")

asyncio.run(main())
`;
