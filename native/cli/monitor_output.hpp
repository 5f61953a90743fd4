#pragma once
#include <ostream>
#include <string>

#include "playground/monitor.hpp"

namespace cplay {

// One event as a line for people: "t=1.00 s  A pid 1234 alive, B pid 1235 alive".
std::string monitor_event_line(const playground::MonitorEvent& event);
// After the lines: who ran where, how many samples, the wall time.
void print_monitor_summary(std::ostream& out, const playground::MonitorReport& report);

}  // namespace cplay
