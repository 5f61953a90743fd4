#include <vector>

#include "async_semaphore.hpp"
#include "playground/event_loop.hpp"
#include "playground/platform.hpp"
#include "semaphore_gauge.hpp"
#include "semaphore_runs.hpp"

namespace playground {
namespace {

// snippet-begin: semaphore-async
Task download_async(EventLoop& loop, AsyncSemaphore& permits, InFlightGauge& gauge, SemaphoreTask& record,
              std::uint64_t latency_ms, double origin) {
  record.asked_ms = now_ms() - origin;
  co_await permits.acquire();  // suspends this coroutine only while K others hold a permit
  gauge.enter();
  record.acquired_ms = now_ms() - origin;
  co_await loop.sleep(static_cast<double>(latency_ms));  // the simulated I/O wait: the loop runs the others
  record.released_ms = now_ms() - origin;
  gauge.leave();
  permits.release();  // hands the permit to the first waiting coroutine
}
// snippet-end: semaphore-async

}  // namespace

SemaphoreRun run_semaphore_async(std::uint64_t tasks, std::uint64_t limit, std::uint64_t latency_ms) {
  SemaphoreRun run{.limit = limit, .tasks = std::vector<SemaphoreTask>(tasks)};
  InFlightGauge gauge;  // one thread: the atomics cost little and keep one gauge for both modes
  const double origin = now_ms();
  {
    EventLoop loop;  // outlives the semaphore, which wakes coroutines through it
    AsyncSemaphore permits(loop, limit);
    const std::int64_t tid = current_tid();
    for (std::uint64_t t = 0; t < tasks; ++t) {
      run.tasks[t].task = t;
      run.tasks[t].tid = tid;
      loop.spawn(download_async(loop, permits, gauge, run.tasks[t], latency_ms, origin));
    }
    loop.run();
  }
  run.wall_ms = now_ms() - origin;
  run.max_in_flight = gauge.max();
  return run;
}

}  // namespace playground
