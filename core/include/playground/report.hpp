#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "playground/request.hpp"
#include "playground/results.hpp"

namespace playground {

// What one worker (thread, coroutine or process) did, in ms from the run's start.
struct Span {
  std::uint64_t worker = 0;
  std::int64_t pid = 0;
  std::int64_t tid = 0;
  double start_ms = 0;
  double end_ms = 0;
  std::uint64_t items = 0;
  std::string host = {};  // mpi only: the host the rank ran on; empty elsewhere (not reported)
};

enum class WorkerState { Running, Waiting, GilWait };
std::string_view to_string(WorkerState);

struct Event {
  std::uint64_t worker = 0;
  WorkerState state = WorkerState::Running;
  double start_ms = 0;
  double end_ms = 0;
};

// A finished run. Its JSON form (report_to_json) is in report_json.hpp.
struct Report {
  Request request;
  DemoResult result;  // the alternative of request.demo
  double wall_ms = 0;
  std::vector<Span> spans;
  std::vector<Event> events;
  bool events_truncated = false;
  std::optional<GilFacts> gil;  // gil-threads only
  std::optional<MpiFacts> mpi;  // mpi only
};

}  // namespace playground
