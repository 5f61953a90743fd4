#pragma once
#include <ostream>

#include "playground/async_control.hpp"

namespace cplay {

// Each scenario as text: a line per event (time, lane, what happened) and its outcome.
void print_async(std::ostream& out, const playground::AsyncControlReport& report);

}  // namespace cplay
