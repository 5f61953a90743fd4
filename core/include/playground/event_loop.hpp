#pragma once
#include <coroutine>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <limits>
#include <queue>
#include <span>
#include <unordered_set>
#include <utility>
#include <vector>

#include "playground/io_backend.hpp"

namespace playground {

// A fire-and-forget coroutine owned by an EventLoop. It starts suspended; the loop resumes it.
class Task {
 public:
  struct promise_type {
    std::exception_ptr error;
    Task get_return_object() { return Task{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { error = std::current_exception(); }
  };

  Task(Task&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  Task& operator=(Task&&) = delete;
  ~Task() {
    if (handle_) handle_.destroy();
  }
  std::coroutine_handle<promise_type> release() { return std::exchange(handle_, {}); }

 private:
  explicit Task(std::coroutine_handle<promise_type> handle) : handle_(handle) {}
  std::coroutine_handle<promise_type> handle_;
};

// A single-threaded event loop in the style of asyncio: a ready queue and a timer heap.
// Coroutines run until they co_await; only then can another one run (cooperative multitasking).
class EventLoop {
 public:
  struct Timer {
    double due_ms;
    std::uint64_t sequence;  // keeps equal deadlines in FIFO order
    std::coroutine_handle<> handle;
    bool cancellable = false;  // made by wake_after: it may be forgotten by cancel_timer
    bool operator>(const Timer& other) const {
      return due_ms != other.due_ms ? due_ms > other.due_ms : sequence > other.sequence;
    }
  };

  class SleepAwaiter {
   public:
    SleepAwaiter(EventLoop& loop, double delay_ms) : loop_(loop), delay_ms_(delay_ms) {}
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> handle) { loop_.schedule_after(delay_ms_, handle); }
    void await_resume() const noexcept {}

   private:
    EventLoop& loop_;
    double delay_ms_;
  };

  // Suspends the caller until `fd` is readable (or writable), as a selector's register/select,
  // or until now_ms() reaches `due_ms`, whichever comes first.
  class ReadinessAwaiter {
   public:
    ReadinessAwaiter(EventLoop& loop, int fd, bool write, double due_ms)
        : loop_(loop), fd_(fd), write_(write), due_ms_(due_ms) {}
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> handle) { loop_.watches_.push_back({fd_, write_, due_ms_, handle}); }
    void await_resume() const noexcept {}

   private:
    EventLoop& loop_;
    int fd_;
    bool write_;
    double due_ms_;
  };

  // Waits at most `timeout_ms` for one of `waits` to become ready, marking those that are: the
  // runtime's poll(2). The core opens no descriptor itself, so a loop that watches any needs one.
  using Poller = std::function<void(std::span<FdWait> waits, double timeout_ms)>;

  EventLoop() = default;
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;
  ~EventLoop();

  // Suspends the caller for `delay_ms` (asyncio.sleep); other coroutines run meanwhile.
  SleepAwaiter sleep(double delay_ms) { return {*this, delay_ms}; }
  // Lets every other ready coroutine run once first (asyncio.sleep(0)).
  SleepAwaiter yield() { return {*this, -1}; }
  // Suspends the caller until `fd` is ready; other coroutines run meanwhile. Needs a poller.
  // A peer that never answers cannot hold the caller past `due_ms` (on now_ms()'s clock): it is
  // resumed then, ready or not, and can see for itself that its deadline has passed.
  ReadinessAwaiter readiness(int fd, bool write, double due_ms = std::numeric_limits<double>::infinity()) {
    return {*this, fd, write, due_ms};
  }
  void set_poller(Poller poller) { poller_ = std::move(poller); }

  void spawn(Task task);
  // Puts a suspended coroutine back in the ready queue: how a waiter on an async semaphore is woken.
  void wake(std::coroutine_handle<> handle) { ready_.push_back(handle); }
  // A timer that can be taken back (asyncio's call_later handle): resumes `handle` after
  // `delay_ms` unless cancel_timer(id) comes first. How a sleeping task is cancelled or a wait_for
  // ends early without leaving a timer behind that would keep run() going.
  using TimerId = std::uint64_t;
  TimerId wake_after(double delay_ms, std::coroutine_handle<> handle);
  // True when the timer was still pending and now never fires; false when it already fired (its
  // coroutine is in the ready queue or has run).
  bool cancel_timer(TimerId id) { return live_timers_.erase(id) != 0; }
  // Runs until every spawned coroutine has finished; rethrows the first exception one raised.
  // While idle it polls `interrupted` (if given) every few ms; once that says true, every
  // sleeping coroutine is woken early so that it can notice the run is stopping.
  void run(const std::function<bool()>& interrupted = {});

 private:
  struct Watch {
    int fd;
    bool write;
    double due_ms;
    std::coroutine_handle<> handle;
  };

  void schedule_after(double delay_ms, std::coroutine_handle<> handle);
  // Polls the watched descriptors for at most `timeout_ms` and readies the coroutines of those
  // that are ready (all of them when `wake_all`).
  void poll_watches(double timeout_ms, bool wake_all);
  // The earliest due_ms among the watches (infinity when none has one).
  double earliest_watch_due() const;

  std::deque<std::coroutine_handle<>> ready_;
  std::priority_queue<Timer, std::vector<Timer>, std::greater<>> timers_;
  std::vector<std::coroutine_handle<Task::promise_type>> tasks_;
  std::uint64_t next_sequence_ = 0;
  std::vector<Watch> watches_;  // coroutines waiting on a descriptor (readiness)
  Poller poller_;
  std::unordered_set<TimerId> live_timers_;  // wake_after's timers not yet fired nor cancelled
};

}  // namespace playground
