// Registrations only: the functions live in api.cpp, the contract in playground.d.ts.
#include <emscripten/bind.h>

#include "api.hpp"
#include "async_api.hpp"
#include "barrier_api.hpp"
#include "deadlock_api.hpp"
#include "explore_api.hpp"
#include "queue_api.hpp"
#include "pool_api.hpp"
#include "semaphore_api.hpp"

EMSCRIPTEN_BINDINGS(cplay) {
  emscripten::function("run", &cplay_wasm::run);
  emscripten::function("validate", &cplay_wasm::validate);
  emscripten::function("runShard", &cplay_wasm::run_shard);
  emscripten::function("assemble", &cplay_wasm::assemble);
  emscripten::function("info", &cplay_wasm::info);
  emscripten::function("nowMs", &cplay_wasm::now_ms);
  emscripten::function("deadlock", &cplay_wasm::deadlock);
  emscripten::function("barrier", &cplay_wasm::barrier);
  emscripten::function("queue", &cplay_wasm::queue);
  emscripten::function("semaphore", &cplay_wasm::semaphore);
  emscripten::function("pool", &cplay_wasm::pool);
  emscripten::function("asyncControl", &cplay_wasm::async_control);
  emscripten::function("explore", &cplay_wasm::explore);
}
