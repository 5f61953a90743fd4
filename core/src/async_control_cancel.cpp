// cancel and timeout: a task cancelled in the middle of its wait. Its wait ends with "cancelled"
// and its cleanup block still runs (a scope guard: C++'s try/finally); wait_for cancels a slow
// task when its deadline passes and then waits for that cleanup too.
#include <deque>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "async_tasks.hpp"
#include "async_timeline.hpp"
#include "playground/async_control.hpp"

namespace playground {
namespace {

using enum AsyncEventKind;

// Runs its action when the scope ends, however it ends.
class Finally {
 public:
  explicit Finally(std::function<void()> action) : action_(std::move(action)) {}
  Finally(const Finally&) = delete;
  Finally& operator=(const Finally&) = delete;
  ~Finally() { action_(); }

 private:
  std::function<void()> action_;
};

// snippet-begin: async-cancel
Task worker(TaskCell& self, AsyncTimeline& timeline, std::string lane, double wait_ms, bool& cleanup_ran) {
  timeline.note(lane, Start);
  bool cancelled = false;
  {
    Finally cleanup([&] {  // like Python's finally: runs whether the wait ended or was cancelled
      cleanup_ran = true;
      timeline.note(lane, Cleanup, "release what the task holds");
    });
    timeline.note(lane, Await, ms_detail("sleep", wait_ms));
    const WaitOutcome waited = co_await self.sleep(wait_ms);
    if (waited == WaitOutcome::Cancelled) {
      cancelled = true;
      timeline.note(lane, Cancelled, "its wait ended early");
    } else {
      timeline.note(lane, Resume);
    }
  }
  timeline.note(lane, End, cancelled ? "cancelled" : "done");
  self.finish(cancelled ? -1 : 0, cancelled);
}
// snippet-end: async-cancel

Task cancel_main(EventLoop& loop, std::vector<std::unique_ptr<TaskCell>>& cells, AsyncTimeline& timeline,
                 double latency_ms, std::deque<bool>& cleanups, CancelOutcome& outcome) {
  timeline.note("main", Start);
  std::vector<TaskCell*> all;
  for (std::size_t n = 0; n < cells.size(); ++n) {
    loop.spawn(worker(*cells[n], timeline, task_lane(n), latency_ms, cleanups[n]));
    all.push_back(cells[n].get());
  }
  timeline.note("main", Await, ms_detail("sleep", latency_ms / 2));
  co_await loop.sleep(latency_ms / 2);  // task 0 is in the middle of its wait now
  timeline.note("main", Resume);
  outcome.cancelled_at_ms = timeline.elapsed_ms();
  timeline.note("main", Cancel, "cancel task 0");
  cells[0]->cancel();
  timeline.note("main", Await, "gather, the cancelled task too");
  co_await gather(all);
  timeline.note("main", Resume, "gathered");
  timeline.note("main", End);
}

// snippet-begin: async-timeout
Task timeout_main(EventLoop& loop, TaskCell& slow, AsyncTimeline& timeline, double slow_ms, double timeout_ms,
                  bool& cleanup_ran, TimeoutOutcome& outcome) {
  timeline.note("main", Start);
  loop.spawn(worker(slow, timeline, "slow", slow_ms, cleanup_ran));
  timeline.note("main", Await, ms_detail("wait_for slow, timeout", timeout_ms));
  // Awaited into a variable, not inside the if: GCC 12 skipped this coroutine's whole body when
  // the co_await sat in the condition.
  const WaitOutcome waited = co_await wait_for(slow, timeout_ms);
  if (waited == WaitOutcome::TimedOut) {
    outcome.timed_out = true;
    outcome.timed_out_at_ms = timeline.elapsed_ms();
    timeline.note("main", Timeout, "deadline passed: cancel slow");
    slow.cancel();
    co_await wait_for(slow);  // as asyncio.wait_for does: the cancelled task's cleanup ends first
  }
  timeline.note("main", Resume, outcome.timed_out ? "timed out" : "slow finished in time");
  timeline.note("main", End);
}
// snippet-end: async-timeout

}  // namespace

AsyncScenarioRun run_async_cancel(std::uint64_t tasks, std::uint64_t latency_ms) {
  AsyncScenarioRun run;
  run.scenario = AsyncScenario::Cancel;
  AsyncTimeline timeline;
  std::deque<bool> cleanups(tasks, false);  // not vector<bool>: each is handed out as a bool&
  {
    EventLoop loop;
    std::vector<std::unique_ptr<TaskCell>> cells;
    for (std::uint64_t n = 0; n < tasks; ++n) cells.push_back(std::make_unique<TaskCell>(loop));
    loop.spawn(cancel_main(loop, cells, timeline, static_cast<double>(latency_ms), cleanups, run.cancel));
    loop.run();
    run.cancel.cancelled_task = 0;
    run.cancel.wait_cancelled = cells[0]->cancelled();
    for (std::uint64_t n = 1; n < tasks; ++n) run.cancel.completed += cells[n]->done() && !cells[n]->cancelled();
  }
  run.cancel.cleanup_ran = cleanups[0];
  run.wall_ms = timeline.elapsed_ms();
  run.events = timeline.take();
  return run;
}

AsyncScenarioRun run_async_timeout(std::uint64_t slow_ms, std::uint64_t timeout_ms) {
  AsyncScenarioRun run;
  run.scenario = AsyncScenario::Timeout;
  run.timeout.slow_ms = slow_ms;
  run.timeout.timeout_ms = timeout_ms;
  AsyncTimeline timeline;
  bool cleanup_ran = false;
  {
    EventLoop loop;
    TaskCell slow(loop);
    loop.spawn(timeout_main(loop, slow, timeline, static_cast<double>(slow_ms), static_cast<double>(timeout_ms),
                            cleanup_ran, run.timeout));
    loop.run();
    run.timeout.result = slow.result();
  }
  run.timeout.cleanup_ran = cleanup_ran;
  run.wall_ms = timeline.elapsed_ms();
  run.events = timeline.take();
  return run;
}

}  // namespace playground
