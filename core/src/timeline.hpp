#pragma once
#include <cstdint>
#include <vector>

#include "playground/report.hpp"

namespace playground {

// Spans and events of one run. Each worker writes only its own slot, so no locking is needed;
// events are coalesced (a run of slices in one state is one event) and capped per worker.
class Timeline {
 public:
  static constexpr std::size_t kEventCap = 4000;

  Timeline(std::size_t workers, double origin_ms);

  double origin_ms() const { return origin_ms_; }
  void begin(std::size_t worker);  // records pid, tid and the span's start on the calling thread
  void end(std::size_t worker);
  void add_items(std::size_t worker, std::uint64_t items) { slots_[worker].span.items += items; }
  void record(std::size_t worker, WorkerState state, double start_abs_ms, double end_abs_ms);

  void fill(Report& report) const;
  Span span(std::size_t worker) const { return slots_[worker].span; }

 private:
  struct alignas(64) Slot {
    Span span;
    std::vector<Event> events;
    bool truncated = false;
  };
  double origin_ms_;
  std::size_t per_worker_cap_;
  std::vector<Slot> slots_;
};

}  // namespace playground
