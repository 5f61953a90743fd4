#!/usr/bin/env bash
# Speed comparisons, each printing ratios measured in one run (never asserted in tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap
bash scripts/build.sh
build/native/cplay compare primes --limit 1000000 --repeat 3
build/native/cplay compare factorial --repeat 3
build/native/cplay compare io
if [ -f scripts/bench-wasm.mjs ]; then node scripts/bench-wasm.mjs; fi
node scripts/bench-race.mjs   # how often the unlocked race loses updates, native and in Chromium
