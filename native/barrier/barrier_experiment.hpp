#pragma once
// The barrier experiment natively: threads only (the core's run_barrier_threads), and how the
// server hands it to a job process of its own.
#include <nlohmann/json.hpp>

#include "playground/barrier.hpp"

namespace cplay {

// The task a job process runs: {"experiment": "barrier", "options": {...}}.
nlohmann::json barrier_task(const playground::BarrierOptions&);
bool is_barrier_task(const nlohmann::json& task);

}  // namespace cplay
