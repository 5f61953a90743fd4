#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace playground {

// A model of CPython's global interpreter lock (Python/ceval_gil.c, "new GIL" since 3.2):
// - a thread that waits longer than the switch interval without any switch happening sets
//   `drop_request`;
// - the holder checks the request only at safe points (between slices, like the eval loop
//   between bytecodes) and then hands over, waiting until another thread has taken the lock
//   (forced switching), so it cannot immediately take it back;
// - waiting for I/O releases the lock without forcing a switch.
class SimulatedGil {
 public:
  explicit SimulatedGil(std::chrono::microseconds switch_interval);

  void acquire();
  void release();
  // Cheap check for the holder's safe points.
  bool drop_requested() const { return drop_request_.load(std::memory_order_relaxed); }
  // Called by the holder at a safe point when drop_requested(): drop, let a waiter run, retake.
  void yield_to_waiter();

  // Hand-overs: acquisitions by a thread other than the previous holder (the first one is not).
  std::uint64_t switches() const;

 private:
  void release_locked(std::unique_lock<std::mutex>& lock, bool force_switch);

  const std::chrono::microseconds interval_;
  mutable std::mutex mutex_;
  std::condition_variable cond_;         // signalled when the lock is released
  std::condition_variable switch_cond_;  // signalled when some thread took the lock
  bool locked_ = false;
  std::uint64_t switch_number_ = 0;  // every acquisition: what waiters watch for progress
  std::thread::id last_holder_;
  std::uint64_t handovers_ = 0;      // acquisitions that changed the holder: what switches() reports
  std::atomic<bool> drop_request_{false};
};

}  // namespace playground
