#pragma once
// Writes down an async scenario's events as they happen, in ms from the scenario's start on the
// same clock the loop's timers use.
#include <string>
#include <utility>
#include <vector>

#include "playground/async_control.hpp"
#include "playground/platform.hpp"

namespace playground {

class AsyncTimeline {
 public:
  AsyncTimeline() : origin_(now_ms()) {}
  void note(std::string lane, AsyncEventKind kind, std::string detail = {}) {
    events_.push_back({std::move(lane), kind, std::move(detail), now_ms() - origin_});
  }
  double elapsed_ms() const { return now_ms() - origin_; }
  std::vector<AsyncEvent> take() { return std::move(events_); }

 private:
  double origin_;
  std::vector<AsyncEvent> events_;
};

inline std::string task_lane(std::uint64_t task) { return "task " + std::to_string(task); }
inline std::string ms_detail(std::string what, double ms) {
  return std::move(what) + " " + std::to_string(static_cast<long long>(ms)) + " ms";
}

}  // namespace playground
