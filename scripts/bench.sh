#!/usr/bin/env bash
# The benchmark report (bench/run.ts): every speed comparison, contenders taking turns, best of
# BENCH_ROUNDS; writes bench/results/latest.{md,json}. Then how often the unlocked race loses
# updates, natively and in Chromium. Figures are printed, never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap
bash scripts/build.sh
npx vite-node --config web/vite.config.ts bench/run.ts
node scripts/bench-race.mjs
