#pragma once
#include <cstdint>
#include <string>

namespace playground {

// Milliseconds on a monotonic clock shared by every thread (and, natively, every process).
double now_ms();

std::int64_t current_pid();
std::int64_t current_tid();
unsigned hardware_cores();
std::string compiler_name();
const char* runtime_name();  // "native" or "wasm"
const char* os_name();

}  // namespace playground
