#pragma once
#include <ostream>
#include <string_view>

#include "playground/barrier.hpp"

namespace cplay {

// cplay barrier's text: the verdict against the reference, a row per worker, and per sync what
// was measured (waits at the barrier, or each phase's start and join). `workers_are` names the
// workers in that text: threads, or MPI ranks.
void print_barrier(std::ostream& out, const playground::BarrierReport& report, std::string_view workers_are = "threads");

}  // namespace cplay
