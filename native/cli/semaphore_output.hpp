#pragma once
#include <ostream>

#include "playground/semaphore.hpp"

namespace cplay {

// The semaphore report for people: a lane per task (waiting for a permit, then holding it), the
// most in flight against K, the wall time beside the ideal, and the sweep's table.
void print_semaphore(std::ostream& out, const playground::SemaphoreReport& report);

}  // namespace cplay
