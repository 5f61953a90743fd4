// gather: tasks that end in the reverse order they were given; gather's results are still in the
// order given, because it reads each task's own cell, not the order they finished in.
#include <memory>
#include <vector>

#include "async_tasks.hpp"
#include "async_timeline.hpp"
#include "playground/async_control.hpp"

namespace playground {
namespace {

using enum AsyncEventKind;

// snippet-begin: async-gather
Task square_later(TaskCell& self, AsyncTimeline& timeline, std::uint64_t n, double wait_ms,
                  std::vector<std::uint64_t>& finish_order) {
  const std::string lane = task_lane(n);
  timeline.note(lane, Start);
  timeline.note(lane, Await, ms_detail("sleep", wait_ms));
  co_await self.sleep(wait_ms);  // other tasks run meanwhile
  timeline.note(lane, Resume);
  const auto result = static_cast<std::int64_t>(n * n);
  finish_order.push_back(n);
  timeline.note(lane, End, "result " + std::to_string(result));
  self.finish(result, false);
}

Task gather_main(EventLoop& loop, std::vector<std::unique_ptr<TaskCell>>& cells, AsyncTimeline& timeline,
                 double latency_ms, GatherOutcome& outcome) {
  timeline.note("main", Start);
  std::vector<TaskCell*> waiting;
  const std::size_t tasks = cells.size();
  for (std::size_t n = 0; n < tasks; ++n) {
    // Task n waits latency x (tasks - n) / tasks: the last one given ends first.
    const double wait_ms = latency_ms * static_cast<double>(tasks - n) / static_cast<double>(tasks);
    loop.spawn(square_later(*cells[n], timeline, n, wait_ms, outcome.finish_order));
    waiting.push_back(cells[n].get());
  }
  timeline.note("main", Await, "gather " + std::to_string(tasks) + " tasks");
  outcome.results = co_await gather(waiting);  // one result per task, in the order given
  timeline.note("main", Resume, "gathered");
  timeline.note("main", End);
}
// snippet-end: async-gather

}  // namespace

AsyncScenarioRun run_async_gather(std::uint64_t tasks, std::uint64_t latency_ms) {
  AsyncScenarioRun run;
  run.scenario = AsyncScenario::Gather;
  AsyncTimeline timeline;
  {
    EventLoop loop;
    std::vector<std::unique_ptr<TaskCell>> cells;
    for (std::uint64_t n = 0; n < tasks; ++n) cells.push_back(std::make_unique<TaskCell>(loop));
    loop.spawn(gather_main(loop, cells, timeline, static_cast<double>(latency_ms), run.gather));
    loop.run();
  }
  run.wall_ms = timeline.elapsed_ms();
  run.events = timeline.take();
  return run;
}

}  // namespace playground
