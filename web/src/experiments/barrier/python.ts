// The Python a learner would write for the same experiment: a ring of cells computed phase by
// phase, kept in order by threading.Barrier, by starting and joining threads per phase, or not
// at all. tests/web/web-barrier-python.test.ts runs it under python3 and checks what it prints.
export const BARRIER_PYTHON = `import threading
import time

WORKERS, PHASES = 4, 3
WORK_S, SKEW_S = 0.01, 0.02   # worker i works WORK_S + i * SKEW_S per phase

def next_cell(left, me, right, phase):
    return (left + 2 * me + 3 * right + phase) % 1_000_003 + 1   # never 0

def fresh_rows():
    # row 0 is the seed; 0 in a later row means "not written yet"
    return [[i + 1 for i in range(WORKERS)]] + [[0] * WORKERS for _ in range(PHASES)]

def step(rows, stale, i, p):
    prev = rows[p - 1]
    left, me, right = prev[(i - 1) % WORKERS], prev[i], prev[(i + 1) % WORKERS]
    stale[i] += (left == 0) + (me == 0) + (right == 0)
    time.sleep(WORK_S + i * SKEW_S)          # the phase's work
    rows[p][i] = next_cell(left, me, right, p)

def run(sync):
    rows, stale, started = fresh_rows(), [0] * WORKERS, 0
    if sync == "join":
        for p in range(1, PHASES + 1):       # new threads every phase
            threads = [threading.Thread(target=step, args=(rows, stale, i, p)) for i in range(WORKERS)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()                     # each join waits for one thread to end
            started += len(threads)
    else:
        barrier = threading.Barrier(WORKERS)
        def worker(i):
            for p in range(1, PHASES + 1):
                step(rows, stale, i, p)
                if sync == "barrier":
                    barrier.wait()           # all meet here, then all go on together
        threads = [threading.Thread(target=worker, args=(i,)) for i in range(WORKERS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        started = len(threads)
    return rows, sum(stale), started

reference = fresh_rows()
for p in range(1, PHASES + 1):
    for i in range(WORKERS):
        reference[p][i] = next_cell(reference[p - 1][(i - 1) % WORKERS], reference[p - 1][i],
                                    reference[p - 1][(i + 1) % WORKERS], p)

for sync in ("barrier", "join", "none"):
    rows, stale, started = run(sync)
    verdict = "correct" if rows == reference else "WRONG"
    print(f"{sync}: {verdict}, {stale} stale reads, {started} threads started")
`;
