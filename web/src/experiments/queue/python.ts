// The Python a learner would write for the queue experiment, as the page will show it.
// tests/web/web-queue-python.test.ts runs both under python3 and checks what they print.

/** Threads through queue.Queue(maxsize=…): put() blocks while the queue is full. */
export const PYTHON_QUEUE_THREADS = `import queue
import threading
import time

PRODUCERS = 2
CONSUMERS = 2
CAPACITY = 4
MESSAGES = 50  # per producer
CONSUME_SECONDS = 0.001

q = queue.Queue(maxsize=CAPACITY)  # put() blocks while the queue is full
received = []
received_lock = threading.Lock()
full_waits = [0] * PRODUCERS


def produce(p):
    for m in range(MESSAGES):
        try:
            q.put_nowait((p, m))
        except queue.Full:  # back-pressure: wait until a consumer takes one
            full_waits[p] += 1
            q.put((p, m))


def consume():
    while True:
        item = q.get()
        if item is None:  # one stop marker per consumer
            return
        with received_lock:
            received.append(item)
        time.sleep(CONSUME_SECONDS)


consumers = [threading.Thread(target=consume) for _ in range(CONSUMERS)]
producers = [threading.Thread(target=produce, args=(p,)) for p in range(PRODUCERS)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()

expected = [(p, m) for p in range(PRODUCERS) for m in range(MESSAGES)]
print(f"sent {len(expected)}, received {len(received)}")
print(f"every message exactly once: {sorted(received) == expected}")
print(f"producer waits on a full queue: {sum(full_waits)}")
`;

/**
 * The lesson's hang, made safe: the child's result sits in a pipe until someone reads it, so a
 * child joined before its result is read cannot exit. join(timeout=…) shows it still alive
 * instead of waiting forever; reading first lets it finish.
 */
export const PYTHON_QUEUE_JOIN_ORDER = `import math
import multiprocessing as mp
import pickle

N = 100_000  # 100000! pickled is about 190 KB: more than a pipe holds
GRACE_SECONDS = 2.0


def work(n, results):
    results.put(math.factorial(n))  # the child cannot exit until this is read


if __name__ == "__main__":
    results = mp.Queue()
    child = mp.Process(target=work, args=(N, results))
    child.start()
    # join-then-get, the lesson's order. A plain join() would wait forever; this one gives up.
    child.join(timeout=GRACE_SECONDS)
    print(f"join-then-get: child alive after {GRACE_SECONDS} s: {child.is_alive()}")
    # get-then-join: read the result first, and the child can finish.
    result = results.get()
    child.join()
    print(f"get-then-join: got {len(pickle.dumps(result))} pickled bytes, child exit code {child.exitcode}")
`;
