// The Python a learner would write for the same experiment: two threads take two locks in
// opposite orders. tests/web/web-deadlock-python.test.ts runs it under python3 and checks what it
// prints. Python has no watchdog: a timed acquire() is how it notices it is stuck instead of
// hanging for ever.
export const DEADLOCK_PYTHON = `import threading
import time

HOLD_S = 0.05      # hold the first lock this long before reaching for the second
GIVE_UP_S = 1.0    # waiting this long for a lock: call it a deadlock

lock_a = threading.Lock()
lock_b = threading.Lock()
both_hold_one = threading.Barrier(2)  # each holds its first lock before reaching for the other
gave_up = []

def worker(name, first, first_name, second, second_name):
    with first:
        both_hold_one.wait()
        time.sleep(HOLD_S)
        # A plain second.acquire() would wait for ever: the other thread holds it
        # and waits for ours.
        if second.acquire(timeout=GIVE_UP_S):
            second.release()
            print(f"{name} got both locks")
        else:
            gave_up.append(name)
            print(f"{name} holds {first_name} and gave up waiting for {second_name}")

threads = [
    threading.Thread(target=worker, args=("worker 0", lock_a, "lock A", lock_b, "lock B")),
    threading.Thread(target=worker, args=("worker 1", lock_b, "lock B", lock_a, "lock A")),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("deadlock detected" if gave_up else "no deadlock")
`;
