#pragma once
// The pool experiment's JSON edge: its request (the API's and wasm's) and its report.
#include <nlohmann/json.hpp>

#include "playground/pool.hpp"

namespace playground {

// {"mode", "start_method", "tasks", "workers", "work"}, each optional; numbers may be digits in a
// string (the CLI hands over its raw text). Throws ArgumentError naming the flag and its range.
PoolOptions pool_options_from_json(const nlohmann::json& request);
nlohmann::json pool_options_to_json(const PoolOptions&);

// See docs/schema/pool-report.schema.json. 64-bit values are decimal strings (a JavaScript number
// would round them).
nlohmann::json pool_report_to_json(const PoolReport&);

}  // namespace playground
