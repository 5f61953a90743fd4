#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what is missing, builds, then runs the C++
# suite natively (ctest), the same suite compiled to wasm under node, and the Vitest suites.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/bootstrap
bash scripts/build.sh

echo "== ctest: native"
ctest --test-dir build/native --output-on-failure -j"$(nproc)"

if [ -d build/wasm-tests ]; then
  echo "== ctest: wasm (node)"
  ctest --test-dir build/wasm-tests --output-on-failure
fi

if compgen -G "tests/web/*.test.ts" >/dev/null || compgen -G "tests/web/**/*.test.ts" >/dev/null; then
  echo "== vitest"
  npx vitest run
fi
