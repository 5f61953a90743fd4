#!/usr/bin/env bash
# Builds the WebAssembly modules and the wasm GoogleTest suite, incrementally:
#   build/wasm/threads/  cplay.mjs cplay.wasm cplay.worker.js   (preset wasm, tree build/wasm-threads,
#                                                                which also builds core_tests for ctest
#                                                                and bench/multiply_bench)
#   build/wasm/single/   cplay.mjs cplay.wasm                    (preset wasm-single, build/wasm-single)
# The presets name Emscripten's toolchain file, so plain `cmake --preset` is emcmake's equivalent
# (emcmake would also pass node a flag that node 20 rejects).
#   CPLAY_WASM_JOBS=N   parallel jobs (default 2: the machines we share have 2 cores)
#   CPLAY_WASM_TESTS=0  skip building core_tests and multiply_bench
#   CPLAY_WASM_LIMB64=1 also build the single variant with 64-bit cpp_int limbs into
#                       build/wasm-bench/limb64 (tree build/wasm-single-limb64), for bench-wasm.mjs
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v em++ >/dev/null; then
  echo "build-wasm: em++ not found (Debian package 'emscripten'; scripts/bootstrap installs it)" >&2
  exit 1
fi
# Emscripten's JS tools need acorn & co., which node finds only through Debian's module folder.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
jobs=${CPLAY_WASM_JOBS:-2}

configure() {  # preset, tree: configure only once; later builds re-run CMake by themselves
  if [ ! -f "$2/CMakeCache.txt" ]; then cmake --preset "$1" >/dev/null; fi
}

configure wasm-single build/wasm-single
configure wasm build/wasm-threads

echo "== wasm: single"
cmake --build build/wasm-single -j"$jobs" --target cplay_wasm
echo "== wasm: threads"
cmake --build build/wasm-threads -j"$jobs" --target cplay_wasm
if [ "${CPLAY_WASM_TESTS:-1}" != 0 ]; then
  echo "== wasm: core_tests, multiply_bench"
  cmake --build build/wasm-threads -j"$jobs" --target core_tests multiply_bench
fi
if [ "${CPLAY_WASM_LIMB64:-0}" = 1 ]; then
  echo "== wasm: single with 64-bit limbs (benchmark only)"
  if [ ! -f build/wasm-single-limb64/CMakeCache.txt ]; then
    cmake --preset wasm-single -B build/wasm-single-limb64 -DCPLAY_WASM_32BIT_LIMBS=OFF \
      -DCPLAY_WASM_OUTPUT_DIR="$PWD/build/wasm-bench/limb64" >/dev/null
  fi
  cmake --build build/wasm-single-limb64 -j"$jobs" --target cplay_wasm
fi
if [ -d node_modules/typescript ]; then
  echo "== wasm: type check (loader, module declaration, tests)"
  npx tsc -p wasm
fi
echo "wasm modules in build/wasm/threads and build/wasm/single; ctest --test-dir build/wasm-threads"
