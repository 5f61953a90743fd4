#!/usr/bin/env bash
# Builds everything: the native CLI (build/native/cplay), the wasm modules (build/wasm/threads,
# build/wasm/single, and the wasm test suite) and the web page (web/dist, the same static site
# that `npm run build:site` makes).
set -euo pipefail
cd "$(dirname "$0")/.."

cmake --preset native >/dev/null
cmake --build build/native -j"$(nproc)"
CPLAY_WASM_TESTS="${CPLAY_WASM_TESTS:-1}" bash scripts/build-site.sh
