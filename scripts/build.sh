#!/usr/bin/env bash
# Builds everything that exists: the native CLI (build/native/cplay), the wasm modules
# (build/wasm/threads, build/wasm/single) and the web page (web/dist).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

cmake --preset native >/dev/null
cmake --build build/native -j"$jobs"

if [ -x scripts/build-wasm.sh ] || [ -f scripts/build-wasm.sh ]; then bash scripts/build-wasm.sh; fi
if [ -f scripts/build-web.sh ]; then bash scripts/build-web.sh; fi
