#pragma once
// The barrier experiment's JSON edge: its request (the API's and wasm's) and its report.
#include <nlohmann/json.hpp>

#include "playground/barrier.hpp"

namespace playground {

// {"sync", "workers", "phases", "work_ms", "skew_ms"}, each optional; numbers may be digits in a
// string (the CLI hands over its raw text). Throws ArgumentError naming the flag and its accepted
// range or choices, or an unknown field.
BarrierOptions barrier_options_from_json(const nlohmann::json& request);
nlohmann::json barrier_options_to_json(const BarrierOptions&);

// The report: the options, then what happened (see docs/schema/barrier-report.schema.json).
nlohmann::json barrier_report_to_json(const BarrierReport&);

}  // namespace playground
