#pragma once
// A counting semaphore for coroutines on one EventLoop (asyncio.Semaphore): acquiring with no
// permit left suspends only the caller; release hands the permit straight to the longest waiter.
// Single-threaded like the loop, so it needs no lock.
#include <coroutine>
#include <cstdint>
#include <deque>

#include "playground/event_loop.hpp"

namespace playground {

class AsyncSemaphore {
 public:
  AsyncSemaphore(EventLoop& loop, std::uint64_t permits) : loop_(loop), permits_(permits) {}
  AsyncSemaphore(const AsyncSemaphore&) = delete;
  AsyncSemaphore& operator=(const AsyncSemaphore&) = delete;

  class Acquire {
   public:
    explicit Acquire(AsyncSemaphore& semaphore) : semaphore_(semaphore) {}
    bool await_ready() const noexcept {
      if (semaphore_.permits_ == 0) return false;
      --semaphore_.permits_;
      return true;
    }
    void await_suspend(std::coroutine_handle<> handle) { semaphore_.waiters_.push_back(handle); }
    void await_resume() const noexcept {}

   private:
    AsyncSemaphore& semaphore_;
  };

  Acquire acquire() { return Acquire{*this}; }
  void release() {
    if (waiters_.empty()) {
      ++permits_;
      return;
    }
    // The permit passes to the first waiter directly, so a newcomer cannot overtake it.
    const auto next = waiters_.front();
    waiters_.pop_front();
    loop_.wake(next);
  }

 private:
  EventLoop& loop_;
  std::uint64_t permits_;
  std::deque<std::coroutine_handle<>> waiters_;
};

}  // namespace playground
