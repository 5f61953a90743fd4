#pragma once
// The async control experiment's JSON edge: its request (the API's and wasm's) and its report.
#include <nlohmann/json.hpp>

#include "playground/async_control.hpp"

namespace playground {

// {"scenario", "tasks", "latency_ms", "timeout_ms", "sync", "increments"}, each optional; numbers
// may be digits in a string (the CLI hands over its raw text). Throws ArgumentError naming the
// flag and its range.
AsyncControlOptions async_options_from_json(const nlohmann::json& request);
nlohmann::json async_options_to_json(const AsyncControlOptions&);

// See docs/schema/async-report.schema.json.
nlohmann::json async_report_to_json(const AsyncControlReport&);

}  // namespace playground
