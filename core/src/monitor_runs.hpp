#pragma once
// The core's two monitor runs (run_monitor picks one); options already validated.
#include "playground/monitor.hpp"

namespace playground {

MonitorReport run_monitor_threads(const MonitorOptions&, const MonitorHooks&);
MonitorReport run_monitor_async(const MonitorOptions&, const MonitorHooks&);

}  // namespace playground
