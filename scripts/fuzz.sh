#!/usr/bin/env bash
# Fuzzes the request parser and the pipe message decoder (tests/fuzz) with libFuzzer under
# AddressSanitizer and UndefinedBehaviorSanitizer: builds the native-fuzz preset (clang), then
# runs every target for a bounded time, both at once, each on a scratch copy of its seed corpus
# (tests/fuzz/corpus/<target>, left untouched). Fails on any crash, leak, timeout or sanitizer
# report; the input that caused it is kept under build/native-fuzz/findings/<target>/.
#   scripts/fuzz.sh [seconds per target]      default: $FUZZ_SECONDS, else 60
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-${FUZZ_SECONDS:-60}}"
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [seconds per target]" >&2; exit 2; }
targets=(fuzz_request fuzz_pipe)

bash scripts/bootstrap
cmake --preset native-fuzz >/dev/null
cmake --build --preset native-fuzz -j"$(nproc)"

build=build/native-fuzz
# detect_leaks: libFuzzer checks each input for leaks; UBSan stops at its first report
# (-fno-sanitize-recover=all), which libFuzzer turns into a crash and keeps the input.
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

pids=()
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  findings="$build/findings/$target"
  rm -rf "$corpus" "$findings"
  mkdir -p "$corpus" "$findings"
  cp tests/fuzz/corpus/"$target"/* "$corpus"/
  # Requests up to the server's 64 KiB body cap (parse_request_text refuses deep nesting). Pipe
  # messages come from our own children and are parsed without a depth limit: past 4096 bytes,
  # nesting only measures nlohmann's recursion against ASan's larger stack frames.
  max_len=4096
  [ "$target" = fuzz_request ] && max_len=65536
  "$build/fuzz/$target" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$findings/" "$corpus" >"$build/$target.log" 2>&1 &
  pids+=($!)
done

failed=0
for i in "${!targets[@]}"; do
  target="${targets[$i]}"
  log="$build/$target.log"
  status=0
  wait "${pids[$i]}" || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  added=$(sed -n 's/^stat::new_units_added: *//p' "$log")
  per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  found=$(find "$build/findings/$target" -type f | sort)
  if ((status == 0)) && [ -z "$found" ] && ! grep -qE 'runtime error:|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)' "$log"; then
    echo "fuzz: $target: ${runs:-?} executions in ${seconds} s (${per_second:-?}/s), ${added:-0} new inputs, no findings"
  else
    failed=1
    echo "fuzz: $target: FAILED (exit $status) after ${runs:-?} executions; log: $log" >&2
    grep -E 'SUMMARY|runtime error:|ERROR:|^fuzz_[a-z]+: ' "$log" | head -20 >&2 || true
    for file in $found; do echo "fuzz: $target: reproduce with $build/fuzz/$target $file" >&2; done
  fi
done
exit "$failed"
