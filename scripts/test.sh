#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what is missing, builds, then runs the C++
# suite natively (ctest), the same core suite compiled to wasm under node (ctest), and the Vitest
# suites (wasm in node, parity with the CLI, the page in Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/bootstrap
bash scripts/build.sh

echo "== ctest: native"
ctest --test-dir build/native --output-on-failure -j"$(nproc)"

echo "== ctest: wasm (node)"
ctest --test-dir build/wasm-threads --output-on-failure -j"$(nproc)"

echo "== vitest"
npx vitest run
