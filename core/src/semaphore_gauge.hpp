#pragma once
// Counts the tasks holding a permit, and the most there ever were at once. Entered right after
// acquire and left right before release, so it can never count more than the semaphore lets in.
#include <atomic>
#include <cstdint>

namespace playground {

class InFlightGauge {
 public:
  void enter() {
    const std::uint64_t now = in_flight_.fetch_add(1) + 1;
    std::uint64_t seen = max_.load();
    while (now > seen && !max_.compare_exchange_weak(seen, now)) {
    }
  }
  void leave() { in_flight_.fetch_sub(1); }
  std::uint64_t max() const { return max_.load(); }

 private:
  std::atomic<std::uint64_t> in_flight_{0};
  std::atomic<std::uint64_t> max_{0};
};

}  // namespace playground
