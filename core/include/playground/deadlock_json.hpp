#pragma once
// The deadlock experiment's JSON edge: its request (the API's and wasm's) and its report.
#include <nlohmann/json.hpp>

#include "playground/deadlock.hpp"

namespace playground {

// {"mode", "workers", "order", "strategy", "rounds", "hold_ms"}, each optional; numbers may be
// digits in a string (the CLI hands over its raw text). Throws ArgumentError naming the flag and
// its accepted range or choices, or an unknown field.
DeadlockOptions deadlock_options_from_json(const nlohmann::json& request);
nlohmann::json deadlock_options_to_json(const DeadlockOptions&);

// The report: the options, then what happened (see docs/schema/deadlock-report.schema.json).
nlohmann::json deadlock_report_to_json(const DeadlockReport&);

}  // namespace playground
