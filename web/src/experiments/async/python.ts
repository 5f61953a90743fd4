// The Python a learner would write for the same four lessons on asyncio's event loop: gather,
// cancel with try/finally cleanup, wait_for around a slow task, and a race across an await fixed
// by asyncio.Lock. tests/web/web-async-python.test.ts runs it under python3 and checks that it
// prints the outcomes the core reports.
export const ASYNC_PYTHON = `import asyncio

TASKS = 3
LATENCY_S = 0.06     # each task's wait; the slow task's too
TIMEOUT_S = 0.03     # wait_for's deadline for the slow task
INCREMENTS = 3       # per coroutine in the race

async def square_later(n, delay):
    await asyncio.sleep(delay)
    finished.append(n)
    return n * n

async def worker(name, delay, cleanups):
    try:
        await asyncio.sleep(delay)   # a cancel arrives here as CancelledError
        return "done"
    finally:
        cleanups.append(name)        # runs whether the wait ended or was cancelled

async def add_one_by_one(state, increments, lock=None):
    for _ in range(increments):
        if lock:
            await lock.acquire()
        seen = state["counter"]      # read
        await asyncio.sleep(0)       # every other ready coroutine runs here
        state["counter"] = seen + 1  # write back what was read, plus one
        if lock:
            lock.release()

async def race(lock):
    state = {"counter": 0}
    await asyncio.gather(*(add_one_by_one(state, INCREMENTS, lock) for _ in range(TASKS)))
    expected = TASKS * INCREMENTS
    return expected, state["counter"], expected - state["counter"]

async def main():
    global finished
    finished = []
    # gather: the last task given waits least, yet the results come in the order given
    results = await asyncio.gather(
        *(square_later(n, LATENCY_S * (TASKS - n) / TASKS) for n in range(TASKS)))
    print(f"gather: results {results}, finished in the order {finished}")

    # cancel: task 0 is cancelled in the middle of its wait; its finally still runs
    cleanups = []
    tasks = [asyncio.create_task(worker(n, LATENCY_S, cleanups)) for n in range(TASKS)]
    await asyncio.sleep(LATENCY_S / 2)
    tasks[0].cancel()
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    cancelled = isinstance(outcomes[0], asyncio.CancelledError)
    done = sum(1 for o in outcomes[1:] if o == "done")
    print(f"cancel: task 0 cancelled = {cancelled}, cleanup ran = {0 in cleanups}, "
          f"{done} other task(s) finished")

    # timeout: wait_for cancels the slow task at the deadline (asyncio.timeout() does the same)
    cleanups = []
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        await asyncio.wait_for(worker("slow", LATENCY_S, cleanups), timeout=TIMEOUT_S)
        print("timeout: the slow task finished in time")
    except asyncio.TimeoutError:
        print(f"timeout: timed out after {loop.time() - start:.2f} s, "
              f"cleanup ran = {'slow' in cleanups}")

    # race: read, await, write on ONE thread loses updates; asyncio.Lock keeps them all
    expected, final, lost = await race(None)
    print(f"race without a lock: expected {expected}, final {final}, lost {lost}")
    expected, final, lost = await race(asyncio.Lock())
    print(f"race with asyncio.Lock: expected {expected}, final {final}, lost {lost}")

asyncio.run(main())
`;
