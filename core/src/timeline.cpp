#include "timeline.hpp"

#include <algorithm>

#include "playground/platform.hpp"

namespace playground {

namespace {
// Gaps shorter than this between two events of the same state are merged away.
constexpr double kCoalesceMs = 0.05;
}  // namespace

Timeline::Timeline(std::size_t workers, double origin_ms)
    : origin_ms_(origin_ms),
      per_worker_cap_(std::max<std::size_t>(8, kEventCap / std::max<std::size_t>(workers, 1))),
      slots_(workers) {
  for (std::size_t w = 0; w < workers; ++w) slots_[w].span.worker = w;
}

void Timeline::begin(std::size_t worker) {
  Span& span = slots_[worker].span;
  span.pid = current_pid();
  span.tid = current_tid();
  span.start_ms = now_ms() - origin_ms_;
  span.end_ms = span.start_ms;
}

void Timeline::end(std::size_t worker) { slots_[worker].span.end_ms = now_ms() - origin_ms_; }

void Timeline::record(std::size_t worker, WorkerState state, double start_abs_ms, double end_abs_ms) {
  Slot& slot = slots_[worker];
  const double start = start_abs_ms - origin_ms_;
  const double end = end_abs_ms - origin_ms_;
  if (!slot.events.empty()) {
    Event& last = slot.events.back();
    if (last.state == state && start - last.end_ms < kCoalesceMs) {
      last.end_ms = end;
      return;
    }
  }
  if (slot.events.size() >= per_worker_cap_) {
    slot.truncated = true;
    return;
  }
  slot.events.push_back({worker, state, start, end});
}

void Timeline::fill(Report& report) const {
  for (const Slot& slot : slots_) {
    report.spans.push_back(slot.span);
    report.events.insert(report.events.end(), slot.events.begin(), slot.events.end());
    report.events_truncated = report.events_truncated || slot.truncated;
  }
  std::stable_sort(report.events.begin(), report.events.end(),
                   [](const Event& a, const Event& b) { return a.start_ms < b.start_ms; });
}

}  // namespace playground
