#pragma once
// The monitor experiment's JSON edge: its request, each event as one line, and its report.
#include <nlohmann/json.hpp>

#include "playground/monitor.hpp"

namespace playground {

// {"mode", "start_method", "durations_ms", "interval_ms"}, each optional; numbers may be digits
// in a string, and durations_ms an array or "2000,3000" (the CLI hands over its raw text).
// Throws ArgumentError naming the flag and its range.
MonitorOptions monitor_options_from_json(const nlohmann::json& request);
nlohmann::json monitor_options_to_json(const MonitorOptions&);

// See docs/schema/monitor-event.schema.json: {"event": "started"|"ended"|"sample", "t_ms", ...}.
nlohmann::json monitor_event_to_json(const MonitorEvent&);
// See docs/schema/monitor-report.schema.json.
nlohmann::json monitor_report_to_json(const MonitorReport&);

}  // namespace playground
