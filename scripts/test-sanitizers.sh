#!/usr/bin/env bash
# Builds the native tree with sanitizers and runs the C++ suite under them.
#   scripts/test-sanitizers.sh asan   AddressSanitizer + UndefinedBehaviorSanitizer
#   scripts/test-sanitizers.sh tsan   ThreadSanitizer
# Further arguments go to ctest, e.g. `scripts/test-sanitizers.sh asan -L mpi` (or
# `npm run test:asan -- -L mpi`) runs only the mpi tests (the whole tree is still built).
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-asan}"
if [ $# -gt 0 ]; then shift; fi
case "$kind" in
  asan) preset=native-asan ;;
  tsan) preset=native-tsan ;;
  *) echo "usage: $0 asan|tsan" >&2; exit 2 ;;
esac
bash scripts/bootstrap
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$(nproc)"
# halt_on_error makes the first report fail the test that caused it.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# TSan's default die_after_fork=1 stays on: nothing forks while other threads run (the server
# runs processes jobs in a spawned single-threaded `cplay __job`), and a regression dies here.
# The suppressions file says why each entry is there (one: the uninstrumented cpp-httplib library).
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/sanitizers/tsan-suppressions.txt"
ctest --preset "$preset" -j"$(nproc)" "$@"
