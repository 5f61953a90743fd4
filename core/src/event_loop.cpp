#include "playground/event_loop.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "playground/platform.hpp"

namespace playground {

EventLoop::~EventLoop() {
  for (auto handle : tasks_) handle.destroy();
}

void EventLoop::spawn(Task task) {
  auto handle = task.release();
  tasks_.push_back(handle);
  ready_.push_back(handle);
}

void EventLoop::schedule_after(double delay_ms, std::coroutine_handle<> handle) {
  if (delay_ms < 0) {
    ready_.push_back(handle);
    return;
  }
  timers_.push(Timer{now_ms() + delay_ms, next_sequence_++, handle});
}

EventLoop::TimerId EventLoop::wake_after(double delay_ms, std::coroutine_handle<> handle) {
  const TimerId id = next_sequence_++;
  timers_.push(Timer{now_ms() + std::max(delay_ms, 0.0), id, handle, true});
  live_timers_.insert(id);
  return id;
}

void EventLoop::poll_watches(double timeout_ms, bool wake_all) {
  if (watches_.empty()) return;
  std::vector<FdWait> waits;
  for (const Watch& watch : watches_) waits.push_back({watch.fd, watch.write, wake_all});
  if (!wake_all) {
    if (!poller_) throw std::logic_error("a coroutine waits on a descriptor, but the event loop has no poller");
    poller_(waits, timeout_ms);
  }
  // Ready ones, and those past their due time, leave in the order they were registered; the rest
  // keep waiting.
  const double now = now_ms();
  std::vector<Watch> still;
  for (std::size_t i = 0; i < waits.size(); ++i) {
    if (waits[i].ready || now >= watches_[i].due_ms) ready_.push_back(watches_[i].handle);
    else still.push_back(watches_[i]);
  }
  watches_ = std::move(still);
}

double EventLoop::earliest_watch_due() const {
  double earliest = std::numeric_limits<double>::infinity();
  for (const Watch& watch : watches_) earliest = std::min(earliest, watch.due_ms);
  return earliest;
}

void EventLoop::run(const std::function<bool()>& interrupted) {
  constexpr double kInterruptCheckMs = 20;
  // A loop with only descriptors to wait on and nobody to interrupt it still looks up this often.
  constexpr double kIdlePollMs = 1000;
  while (!ready_.empty() || !timers_.empty() || !watches_.empty()) {
    // A cancelled timer is dropped, not waited for: it must not keep the loop alive.
    while (!timers_.empty() && timers_.top().cancellable && !live_timers_.contains(timers_.top().sequence)) timers_.pop();
    if (ready_.empty() && timers_.empty() && watches_.empty()) break;
    // Move every due timer to the ready queue, in deadline order (all of them when interrupted).
    const double now = now_ms();
    const bool wake_all = interrupted && interrupted();
    while (!timers_.empty() && (wake_all || timers_.top().due_ms <= now)) {
      const Timer due = timers_.top();
      timers_.pop();
      if (due.cancellable && live_timers_.erase(due.sequence) == 0) continue;  // cancelled
      ready_.push_back(due.handle);
    }
    if (wake_all) poll_watches(0, true);
    if (ready_.empty()) {
      // Nothing can run: wait for a descriptor until the earliest deadline, as a selector does.
      double wait = timers_.empty() ? kIdlePollMs : timers_.top().due_ms - now_ms();
      if (interrupted) wait = std::min(wait, kInterruptCheckMs);
      if (!watches_.empty()) poll_watches(std::max(std::min(wait, earliest_watch_due() - now_ms()), 0.0), false);
      else if (wait > 0) std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(wait));
      continue;
    }
    auto handle = ready_.front();
    ready_.pop_front();
    handle.resume();
  }
  for (auto handle : tasks_) {
    if (handle.promise().error) std::rethrow_exception(handle.promise().error);
  }
}

}  // namespace playground
