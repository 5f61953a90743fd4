#pragma once
#include <cstdint>
#include <exception>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "playground/request.hpp"

namespace playground {

// What one worker (thread, coroutine or process) did, in ms from the run's start.
struct Span {
  std::uint64_t worker = 0;
  std::int64_t pid = 0;
  std::int64_t tid = 0;
  double start_ms = 0;
  double end_ms = 0;
  std::uint64_t items = 0;
};

enum class WorkerState { Running, Waiting, GilWait };
std::string_view to_string(WorkerState);

struct Event {
  std::uint64_t worker = 0;
  WorkerState state = WorkerState::Running;
  double start_ms = 0;
  double end_ms = 0;
};

struct Report {
  Request request;
  nlohmann::json result;
  double wall_ms = 0;
  std::vector<Span> spans;
  std::vector<Event> events;
  bool events_truncated = false;
  nlohmann::json extra = nlohmann::json::object();  // mode-specific facts, e.g. GIL switches
};

nlohmann::json platform_json();
nlohmann::json report_to_json(const Report&);
nlohmann::json error_to_json(const std::string& code, const std::string& message);
// The error report for whatever a request's parsing or run threw: one mapping of exceptions to
// codes (invalid-json, invalid-argument, cancelled, run-failed, out-of-memory, internal) for the
// CLI's server, the wasm binding and run_json.
nlohmann::json error_report_for(std::exception_ptr error);
// Whether an error report blames the request (HTTP 400) rather than the run (500).
bool is_bad_request(const nlohmann::json& error_report);

}  // namespace playground
