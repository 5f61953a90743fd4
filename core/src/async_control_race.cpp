// race: coroutines on ONE thread that read a shared counter, await, and write back what they read
// plus one. No two run at the same instant, yet updates are lost: the await lets every other
// coroutine read the same value before the first one writes. An async lock held across the read,
// the await and the write keeps every update. sleep(0) in a FIFO loop makes the loss exact:
// with K >= 2 coroutines each round of K increments adds 1, so the final count is `increments`.
#include <memory>
#include <vector>

#include "async_lock.hpp"
#include "async_tasks.hpp"
#include "async_timeline.hpp"
#include "playground/async_control.hpp"

namespace playground {
namespace {

using enum AsyncEventKind;

// snippet-begin: async-race
Task add_one_by_one(EventLoop& loop, TaskCell& self, AsyncTimeline& timeline, std::string lane, AsyncLock* lock,
                    std::uint64_t& counter, std::uint64_t increments) {
  timeline.note(lane, Start);
  for (std::uint64_t i = 0; i < increments; ++i) {
    if (lock) {
      timeline.note(lane, Await, "lock");
      co_await lock->acquire();  // the others wait here until this one has written
      timeline.note(lane, Resume, "lock held");
    }
    const std::uint64_t seen = counter;  // read
    timeline.note(lane, Await, "read " + std::to_string(seen) + ", sleep(0)");
    co_await loop.yield();               // every other ready coroutine runs here
    counter = seen + 1;                  // write: overwrites what the others wrote meanwhile
    timeline.note(lane, Resume, "write " + std::to_string(seen + 1));
    if (lock) lock->release();
  }
  timeline.note(lane, End);
  self.finish(0, false);
}
// snippet-end: async-race

Task race_main(EventLoop& loop, std::vector<std::unique_ptr<TaskCell>>& cells, AsyncTimeline& timeline,
               AsyncLock* lock, std::uint64_t& counter, std::uint64_t increments) {
  timeline.note("main", Start);
  std::vector<TaskCell*> all;
  for (std::size_t n = 0; n < cells.size(); ++n) {
    loop.spawn(add_one_by_one(loop, *cells[n], timeline, task_lane(n), lock, counter, increments));
    all.push_back(cells[n].get());
  }
  timeline.note("main", Await, "gather");
  co_await gather(all);
  timeline.note("main", Resume, "counter " + std::to_string(counter));
  timeline.note("main", End);
}

}  // namespace

AsyncScenarioRun run_async_race(std::uint64_t tasks, std::uint64_t increments, AsyncSync sync) {
  AsyncScenarioRun run;
  run.scenario = AsyncScenario::Race;
  AsyncTimeline timeline;
  std::uint64_t counter = 0;  // one thread: a plain integer, no data race, yet updates are lost
  {
    EventLoop loop;
    AsyncLock lock(loop);
    std::vector<std::unique_ptr<TaskCell>> cells;
    for (std::uint64_t n = 0; n < tasks; ++n) cells.push_back(std::make_unique<TaskCell>(loop));
    loop.spawn(race_main(loop, cells, timeline, sync == AsyncSync::Lock ? &lock : nullptr, counter, increments));
    loop.run();
  }
  run.race = {.sync = sync, .expected = tasks * increments, .final_value = counter, .lost = tasks * increments - counter};
  run.wall_ms = timeline.elapsed_ms();
  run.events = timeline.take();
  return run;
}

}  // namespace playground
