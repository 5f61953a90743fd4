#!/usr/bin/env bash
# Scaling beyond 2 cores (issue 12, item 7): the rows of `cplay compare` for primes (limit 2*10^7,
# trial division) and factorial (16 x 100000!) at 1, 2, 4, 8 and 16 workers, with MPI ranks as
# one more column where cplay-mpi was built (issue 14), fastest of
# SCALING_REPEAT rounds (default 2, every run taking its turn in each round); writes
# bench/results/scaling-<host>.md and prints it. Sequential runs once per round: workers do not
# change it, nor gil-threads and async, which `cplay compare` shows stay at its speed (running them
# at every count would triple the time for no information).
set -euo pipefail
cd "$(dirname "$0")/.."
repeat="${SCALING_REPEAT:-2}"
if [ ! -x build/native/cplay ]; then
  bash scripts/bootstrap
  cmake --preset native >/dev/null && cmake --build build/native --target cplay -j"$(nproc)"
fi
reports="$(mktemp)"
trap 'rm -f "$reports"' EXIT
started=$(date +%s)
workloads=("primes --limit 20000000 --algorithm trial" "factorial --n 100000 --count 16")
for ((round = 1; round <= repeat; round++)); do
  for workload in "${workloads[@]}"; do
    echo "scaling: round $round, ${workload%% *}" >&2
    # shellcheck disable=SC2086 # the workload is a list of words
    build/native/cplay $workload --mode sequential --json >>"$reports"
    for workers in 1 2 4 8 16; do
      build/native/cplay $workload --mode threads --workers "$workers" --json >>"$reports"
      build/native/cplay $workload --mode processes --start-method fork --workers "$workers" --json >>"$reports"
      build/native/cplay $workload --mode processes --start-method spawn --workers "$workers" --json >>"$reports"
      # MPI ranks where cplay-mpi was built (Open MPI found): one more column.
      if [ -x build/native/cplay-mpi ]; then
        build/native/cplay $workload --mode mpi --workers "$workers" --json >>"$reports"
      fi
    done
  done
done
out="bench/results/scaling-$(hostname).md"
node bench/scaling-table.mjs "$reports" "$repeat" "$(($(date +%s) - started))" >"$out"
cat "$out"
echo "scaling: wrote $out" >&2
