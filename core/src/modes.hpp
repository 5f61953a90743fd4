#pragma once
#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include "playground/platform.hpp"
#include "playground/run.hpp"
#include "timeline.hpp"

namespace playground {

// What every mode shares while one run executes.
struct RunState {
  RunState(Workload& w, Timeline& t, const RunHooks& h) : workload(w), timeline(t), hooks(h) {}

  Workload& workload;
  Timeline& timeline;
  const RunHooks& hooks;
  std::atomic<bool> stop{false};
  std::atomic<std::size_t> next_task{0};
  std::mutex error_mutex;
  std::exception_ptr error;

  bool stopping() const {
    return stop.load(std::memory_order_relaxed) || hooks.cancelled() || hooks.past_deadline();
  }
  // The next task `worker` runs, or task_count() when it has none left. `taken` counts the tasks
  // this worker already took: a pinned worker runs only its own task, others share a queue.
  std::size_t take_task(std::size_t worker, std::size_t taken) {
    if (workload.one_task_per_worker()) return taken == 0 ? worker : workload.task_count();
    return next_task.fetch_add(1, std::memory_order_relaxed);
  }
  void fail(std::exception_ptr e) {
    std::lock_guard guard(error_mutex);
    if (!error) error = e;
    stop.store(true);
  }
};

// Runs one slice of `task` and records it (running event, span items, progress).
inline StepResult run_slice(RunState& state, std::size_t task, std::uint64_t& cursor, std::size_t worker) {
  const double start = now_ms();
  const StepResult result = state.workload.step(task, cursor, worker);
  state.timeline.record(worker, WorkerState::Running, start, now_ms());
  state.timeline.add_items(worker, result.items);
  if (state.hooks.progress) state.hooks.progress->fetch_add(result.items, std::memory_order_relaxed);
  return result;
}

// snippet-begin: io-wait-blocking
// A wait that blocks the calling thread, recorded as `waiting`. It sleeps in short steps so
// that a cancelled run does not sit out a long latency.
inline void blocking_wait(RunState& state, std::size_t worker, std::uint64_t ms) {
  constexpr double kCancelCheckMs = 20;
  const double start = now_ms();
  const double due = start + static_cast<double>(ms);
  for (double now = start; now < due && !state.stopping(); now = now_ms())
    std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(std::min(due - now, kCancelCheckMs)));
  state.timeline.record(worker, WorkerState::Waiting, start, now_ms());
}
// snippet-end: io-wait-blocking

// A fetch's times as the report shows them: ms since the run began.
inline FetchOutcome since_origin(FetchOutcome outcome, double origin_ms) {
  outcome.start_ms -= origin_ms;
  outcome.first_byte_ms -= origin_ms;
  outcome.end_ms -= origin_ms;
  return outcome;
}

// snippet-begin: io-fetch-blocking
// A real download that blocks the calling thread (the backend checks `stopping` while it waits),
// recorded as `waiting` like a sleep; the workload gets the bytes and times it measured.
inline void blocking_fetch(RunState& state, std::size_t task, std::size_t worker, const StepResult& step) {
  const double start = now_ms();
  const FetchOutcome outcome =
      state.hooks.io->fetch(step.wait_ms, step.bytes, [&state] { return state.stopping(); });
  state.timeline.record(worker, WorkerState::Waiting, start, now_ms());
  if (!state.stopping()) state.workload.fetched(task, since_origin(outcome, state.timeline.origin_ms()));
}
// snippet-end: io-fetch-blocking

// Runs a task to completion on the calling thread. `policy` decides what happens at safe points
// (between slices) and during waits. Returns false when the run is stopping.
template <typename Policy>
bool drive_task(RunState& state, std::size_t task, std::size_t worker, Policy& policy) {
  std::uint64_t cursor = 0;
  for (;;) {
    if (state.stopping()) return false;
    const StepResult result = run_slice(state, task, cursor, worker);
    if (result.kind == StepKind::Wait) {
      policy.wait(worker, result.wait_ms);
      continue;
    }
    if (result.kind == StepKind::Fetch) {
      policy.fetch(task, worker, result);
      continue;
    }
    // Every slice boundary is a safe point, the end of a task included (a loop's back edge).
    policy.safe_point(worker);
    if (result.kind == StepKind::Done) return true;
  }
}

struct BlockingPolicy {
  RunState& state;
  void safe_point(std::size_t) {}
  void wait(std::size_t worker, std::uint64_t ms) { blocking_wait(state, worker, ms); }
  void fetch(std::size_t task, std::size_t worker, const StepResult& step) { blocking_fetch(state, task, worker, step); }
};

// Starts `workers` threads that begin together (a latch) and joins them all. A thread that cannot
// be started, or a worker that throws, stops the others; the error is kept in `state`.
void run_on_threads(RunState& state, std::size_t workers, const std::function<void(std::size_t)>& body);

void run_sequential(RunState&);
void run_threads(RunState&, std::size_t workers);
// Returns the number of GIL hand-overs.
std::uint64_t run_gil_threads(RunState&, std::size_t workers, std::chrono::milliseconds switch_interval);
void run_async(RunState&, std::size_t workers);

}  // namespace playground
