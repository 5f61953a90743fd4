#pragma once
// What asyncio's Task gives a coroutine, on the core's EventLoop: a cell that holds its result,
// a sleep that a cancel can end early (the await then says "cancelled", as CancelledError would),
// awaiting a task with an optional deadline (wait_for), and awaiting several in order (gather).
// Single-threaded like the loop, so nothing here needs a lock.
#include <algorithm>
#include <coroutine>
#include <cstdint>
#include <optional>
#include <vector>

#include "playground/event_loop.hpp"

namespace playground {

enum class WaitOutcome { Done, Cancelled, TimedOut };

class TaskCell;

// Something that awaits a TaskCell: told once when the task ends.
class TaskJoiner {
 public:
  virtual void on_done() = 0;

 protected:
  ~TaskJoiner() = default;
};

class TaskCell {
 public:
  explicit TaskCell(EventLoop& loop) : loop_(loop) {}
  TaskCell(const TaskCell&) = delete;
  TaskCell& operator=(const TaskCell&) = delete;

  // asyncio.sleep inside this task: ends after `delay_ms`, or early with Cancelled.
  class Sleep {
   public:
    Sleep(TaskCell& cell, double delay_ms) : cell_(cell), delay_ms_(delay_ms) {}
    bool await_ready() const noexcept { return cell_.cancel_pending_; }  // a cancel already waits
    void await_suspend(std::coroutine_handle<> handle) {
      cell_.sleeper_ = handle;
      cell_.timer_ = cell_.loop_.wake_after(delay_ms_, handle);
    }
    WaitOutcome await_resume() {
      cell_.sleeper_ = {};
      if (!cell_.cancel_pending_) return WaitOutcome::Done;
      cell_.cancel_pending_ = false;  // delivered once, as CancelledError is
      return WaitOutcome::Cancelled;
    }

   private:
    TaskCell& cell_;
    double delay_ms_;
  };

  Sleep sleep(double delay_ms) { return {*this, delay_ms}; }

  // task.cancel(): the task's current (or next) sleep ends with Cancelled. When the sleep's timer
  // is still pending it is taken back and the task woken now; when it already fired, the task is
  // about to resume anyway and sees the cancel then.
  void cancel() {
    if (done_) return;
    cancel_pending_ = true;
    if (sleeper_ && loop_.cancel_timer(timer_)) loop_.wake(sleeper_);
  }

  // The task's last act: records its result and wakes whoever awaits it.
  void finish(std::int64_t result, bool cancelled) {
    done_ = true;
    cancelled_ = cancelled;
    result_ = result;
    auto joiners = std::move(joiners_);
    for (TaskJoiner* joiner : joiners) joiner->on_done();
  }

  bool done() const { return done_; }
  bool cancelled() const { return cancelled_; }
  std::int64_t result() const { return result_; }
  EventLoop& loop() { return loop_; }
  void add_joiner(TaskJoiner* joiner) { joiners_.push_back(joiner); }
  void remove_joiner(TaskJoiner* joiner) { std::erase(joiners_, joiner); }

 private:
  EventLoop& loop_;
  bool done_ = false;
  bool cancelled_ = false;
  bool cancel_pending_ = false;
  std::int64_t result_ = 0;
  std::coroutine_handle<> sleeper_;
  EventLoop::TimerId timer_ = 0;
  std::vector<TaskJoiner*> joiners_;
};

// `co_await wait_for(cell, deadline)`: Done when the task ends first, TimedOut when the deadline
// passes first (the caller then cancels it, as asyncio.wait_for does). No deadline: await it.
class WaitFor final : public TaskJoiner {
 public:
  WaitFor(TaskCell& cell, std::optional<double> deadline_ms) : cell_(cell), deadline_ms_(deadline_ms) {}
  bool await_ready() const noexcept { return cell_.done(); }
  void await_suspend(std::coroutine_handle<> handle) {
    handle_ = handle;
    cell_.add_joiner(this);
    if (deadline_ms_) timer_ = cell_.loop().wake_after(*deadline_ms_, handle);
  }
  WaitOutcome await_resume() {
    if (cell_.done()) return WaitOutcome::Done;
    cell_.remove_joiner(this);  // the deadline woke us: stop waiting for the task
    return WaitOutcome::TimedOut;
  }
  void on_done() override {
    // When the deadline's timer already fired, this coroutine is queued to resume: do not wake it twice.
    if (timer_ && !cell_.loop().cancel_timer(*timer_)) return;
    cell_.loop().wake(handle_);
  }

 private:
  TaskCell& cell_;
  std::optional<double> deadline_ms_;
  std::optional<EventLoop::TimerId> timer_;
  std::coroutine_handle<> handle_;
};

inline WaitFor wait_for(TaskCell& cell, std::optional<double> deadline_ms = std::nullopt) { return {cell, deadline_ms}; }

// `co_await gather(cells)`: resumes once every task has ended; the results, read from the cells
// in the order given, do not depend on the order the tasks ended in.
class Gather final : public TaskJoiner {
 public:
  explicit Gather(std::vector<TaskCell*> cells) : cells_(std::move(cells)) {}
  bool await_ready() noexcept {
    for (TaskCell* cell : cells_)
      if (!cell->done()) ++pending_;
    return pending_ == 0;
  }
  void await_suspend(std::coroutine_handle<> handle) {
    handle_ = handle;
    for (TaskCell* cell : cells_)
      if (!cell->done()) cell->add_joiner(this);
  }
  std::vector<std::int64_t> await_resume() const {
    std::vector<std::int64_t> results;
    for (const TaskCell* cell : cells_) results.push_back(cell->result());
    return results;
  }
  void on_done() override {
    if (--pending_ == 0) cells_.front()->loop().wake(handle_);
  }

 private:
  std::vector<TaskCell*> cells_;
  std::size_t pending_ = 0;
  std::coroutine_handle<> handle_;
};

inline Gather gather(std::vector<TaskCell*> cells) { return Gather{std::move(cells)}; }

}  // namespace playground
