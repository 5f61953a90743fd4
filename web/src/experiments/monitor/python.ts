// The Python a learner would write for the same experiment, the lesson's own: process A (2 s) and
// process B (3 s) with multiprocessing.Process, checked every second for name, pid and is_alive().
// tests/web/web-monitor-python.test.ts runs it under python3 (shorter) and checks what it prints.
export const MONITOR_PYTHON = `import multiprocessing as mp
import time

DURATIONS_S = {"A": 2.0, "B": 3.0}   # each process works this long
INTERVAL_S = 1.0                     # the parent checks this often

def work(seconds):
    time.sleep(seconds)

if __name__ == "__main__":
    procs = [mp.Process(target=work, args=(s,), name=n) for n, s in DURATIONS_S.items()]
    for p in procs:
        p.start()
    start = time.monotonic()
    while any(p.is_alive() for p in procs):
        time.sleep(INTERVAL_S)
        t = time.monotonic() - start
        print(f"t={t:.2f} s  " + ", ".join(
            f"{p.name} pid {p.pid} {'alive' if p.is_alive() else 'gone'}" for p in procs))
    for p in procs:
        p.join()                     # reaped: no zombie left
    print("exit codes", [p.exitcode for p in procs])
`;
