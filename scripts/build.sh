#!/usr/bin/env bash
# Builds everything: the native CLI (build/native/cplay), the wasm modules (build/wasm/threads,
# build/wasm/single, and the wasm test suite) and the web page (web/dist).
set -euo pipefail
cd "$(dirname "$0")/.."

cmake --preset native >/dev/null
cmake --build build/native -j"$(nproc)"
bash scripts/build-wasm.sh
bash scripts/build-web.sh
