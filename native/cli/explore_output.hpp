#pragma once
#include <ostream>

#include "playground/explore.hpp"

namespace cplay {

// cplay explore's text: the programs, then the outcome table (schedules, share, one witness
// each) and how much was explored; or, for --schedule, each step with what it saw.
void print_exploration(std::ostream& out, const playground::ExploreReport& report);
void print_replay(std::ostream& out, const playground::ReplayReport& report);

}  // namespace cplay
