#pragma once
#include <ostream>

#include "playground/barrier.hpp"

namespace cplay {

// cplay barrier's text: the verdict against the reference, a row per worker, and per sync what
// was measured (waits at the barrier, or each phase's start and join).
void print_barrier(std::ostream& out, const playground::BarrierReport& report);

}  // namespace cplay
