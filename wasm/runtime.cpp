#include "runtime.hpp"

#include <emscripten/emscripten.h>

#include "playground/bigint.hpp"

#if defined(__EMSCRIPTEN_PTHREADS__)
// The pool size is decided in JS before the module starts (pre.js): read the same value back,
// so that validation caps workers at exactly what was spawned.
EM_JS(int, cplay_js_pool_size, (), { return Module['poolSize'] | 0; });
#endif

// The single build's hardware_concurrency() says 1 whatever the machine: ask JS instead.
EM_JS(int, cplay_js_machine_cores, (), {
  if (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) return navigator.hardwareConcurrency;
  if (typeof process === 'object' && typeof require === 'function') return require('os').cpus().length;
  return 1;
});

namespace cplay_wasm {

Variant variant() {
#if defined(__EMSCRIPTEN_PTHREADS__)
  return Variant::Threads;
#else
  return Variant::Single;
#endif
}

const char* variant_name() { return variant() == Variant::Threads ? "threads" : "single"; }

std::uint64_t pool_size() {
#if defined(__EMSCRIPTEN_PTHREADS__)
  // Read once, on the first call (the module's main thread): pthreads see their own Module copy.
  static const std::uint64_t size = static_cast<std::uint64_t>(cplay_js_pool_size());
  return size;
#else
  return 0;
#endif
}

unsigned machine_cores() {
  static const unsigned cores = static_cast<unsigned>(cplay_js_machine_cores());
  return cores > 0 ? cores : 1;
}

unsigned limb_bits() { return sizeof(boost::multiprecision::limb_type) * 8; }

}  // namespace cplay_wasm
