#include "modes.hpp"
#include "playground/event_loop.hpp"

namespace playground {
namespace {

// One coroutine per worker, all on the calling thread. It gives the loop a turn after every
// slice and every task (asyncio.sleep(0)) and suspends on a timer for waits, so waits overlap
// while computation never does.
Task async_worker(EventLoop& loop, RunState& state, std::size_t worker) {
  state.timeline.begin(worker);
  for (std::size_t taken = 0, task; (task = state.take_task(worker, taken)) < state.workload.task_count(); ++taken) {
    std::uint64_t cursor = 0;
    // snippet-begin: io-wait-async
    for (;;) {
      if (state.stopping()) break;
      const StepResult result = run_slice(state, task, cursor, worker);
      if (result.kind == StepKind::Done) break;
      if (result.kind == StepKind::Wait) {
        const double start = now_ms();
        // Suspends only this coroutine: the loop runs the others until the timer is due.
        co_await loop.sleep(static_cast<double>(result.wait_ms));
        state.timeline.record(worker, WorkerState::Waiting, start, now_ms());
      } else {
        co_await loop.yield();  // after a slice of work: let the others have a turn
      }
    }
    // snippet-end: io-wait-async
    if (state.stopping()) break;
    co_await loop.yield();
  }
  state.timeline.end(worker);
}

}  // namespace

void run_async(RunState& state, std::size_t workers) {
  EventLoop loop;
  for (std::size_t w = 0; w < workers; ++w) loop.spawn(async_worker(loop, state, w));
  loop.run([&state] { return state.stopping(); });
}

}  // namespace playground
