#pragma once
#include <ostream>

#include "playground/deadlock.hpp"

namespace cplay {

// The deadlock report for people: who held what and waited for what, then each worker's rounds
// and retries.
void print_deadlock(std::ostream& out, const playground::DeadlockReport& report);

}  // namespace cplay
