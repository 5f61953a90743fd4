#pragma once
// The semaphore experiment's JSON edge: its request (the API's and wasm's) and its report.
#include <nlohmann/json.hpp>

#include "playground/semaphore.hpp"

namespace playground {

// {"mode", "tasks", "limit", "latency_ms", "sweep"}, each optional; numbers may be digits in a
// string (the CLI hands over its raw text). Throws ArgumentError naming the flag and its range.
SemaphoreOptions semaphore_options_from_json(const nlohmann::json& request);
nlohmann::json semaphore_options_to_json(const SemaphoreOptions&);

// See docs/schema/semaphore-report.schema.json.
nlohmann::json semaphore_report_to_json(const SemaphoreReport&);

}  // namespace playground
