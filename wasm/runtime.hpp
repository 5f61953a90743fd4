#pragma once
#include <cstdint>
#include <string>

// What this build of the module can do: one source, two variants chosen at compile time.
namespace cplay_wasm {

enum class Variant { Threads, Single };

Variant variant();
const char* variant_name();  // "threads" or "single"

// Pthreads the pre-spawned pool holds (0 in the single build). Joining more threads than the pool
// holds would hang under Emscripten 3.1.6, so this is also the cap on thread workers.
std::uint64_t pool_size();

// Processes are browser Workers, each with its own module instance; the page starts them.
constexpr std::uint64_t kMaxProcesses = 16;

// Logical cores of the machine (navigator.hardwareConcurrency, or node's os.cpus()).
unsigned machine_cores();

// cpp_int's limb width in this build (32 or 64 bits), for info() and the limb benchmark.
unsigned limb_bits();

}  // namespace cplay_wasm
