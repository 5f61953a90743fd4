#include "playground/gil.hpp"

namespace playground {

SimulatedGil::SimulatedGil(std::chrono::microseconds switch_interval) : interval_(switch_interval) {}

void SimulatedGil::acquire() {
  std::unique_lock lock(mutex_);
  while (locked_) {
    const std::uint64_t seen = switch_number_;
    const bool timed_out = cond_.wait_for(lock, interval_) == std::cv_status::timeout;
    // A whole interval passed and nobody switched: ask the holder to let go (take_gil in CPython).
    if (timed_out && locked_ && switch_number_ == seen) drop_request_.store(true, std::memory_order_relaxed);
  }
  locked_ = true;
  ++switch_number_;
  const std::thread::id me = std::this_thread::get_id();
  if (last_holder_ != me) {
    if (last_holder_ != std::thread::id{}) ++handovers_;
    last_holder_ = me;
  }
  switch_cond_.notify_all();
  drop_request_.store(false, std::memory_order_relaxed);
}

void SimulatedGil::release() {
  std::unique_lock lock(mutex_);
  release_locked(lock, false);
}

void SimulatedGil::yield_to_waiter() {
  {
    std::unique_lock lock(mutex_);
    release_locked(lock, true);
  }
  acquire();
}

void SimulatedGil::release_locked(std::unique_lock<std::mutex>& lock, bool force_switch) {
  locked_ = false;
  cond_.notify_one();
  // Forced switching: the dropping thread waits until a waiter has taken the lock, otherwise it
  // would usually win it straight back and the waiter would starve.
  if (force_switch && drop_request_.load(std::memory_order_relaxed)) {
    const std::uint64_t seen = switch_number_;
    switch_cond_.wait(lock, [&] { return switch_number_ != seen; });
  }
}

std::uint64_t SimulatedGil::switches() const {
  std::lock_guard lock(mutex_);
  return handovers_;
}

}  // namespace playground
