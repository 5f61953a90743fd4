#pragma once
// The two ways one semaphore run is carried out; run_semaphore_once picks one.
#include <cstdint>

#include "playground/semaphore.hpp"

namespace playground {

SemaphoreRun run_semaphore_threads(std::uint64_t tasks, std::uint64_t limit, std::uint64_t latency_ms);
SemaphoreRun run_semaphore_async(std::uint64_t tasks, std::uint64_t limit, std::uint64_t latency_ms);

}  // namespace playground
