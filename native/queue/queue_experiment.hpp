#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "playground/queue_json.hpp"

namespace cplay {

// `cplay queue` and POST /api/queue: one run in the request's mode as its JSON report.
struct QueueRunReport {
  nlohmann::json report;
  // processes, join-then-get: the hand-off stalled; the report says so and the CLI exits 1.
  bool deadlock = false;
  std::string deadlock_message;
};

// Threads: the core's bounded queue. Processes: producers through a pipe, then the hand-off of
// one result in the request's order. Throws playground::RunError or std::system_error; no child
// outlives the call.
QueueRunReport run_queue(const playground::QueueRequest& request);

// The task a `cplay __job` process receives for this experiment, and its recognition there.
nlohmann::json queue_task(const playground::QueueRequest& request);
bool is_queue_task(const nlohmann::json& task);

}  // namespace cplay
