#pragma once
#include <ostream>

#include "playground/pool.hpp"

namespace cplay {

// The pool report for people: both strategies' wall time, starts and start cost, the check of
// every result, the ratio fresh/pool measured in this run, and a lane per worker for each.
void print_pool(std::ostream& out, const playground::PoolReport& report);

}  // namespace cplay
