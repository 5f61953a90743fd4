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
      } else if (result.kind == StepKind::Fetch) {
        // snippet-begin: io-fetch-async
        // A real download on a non-blocking socket: suspend until the loop's poll says the
        // socket is ready, read what is there, and again until the whole body is in.
        const double start = now_ms();
        const auto pending = state.hooks.io->start(result.wait_ms, result.bytes);
        for (auto want = pending->advance(); want != PendingFetch::Want::Done && !state.stopping();
             want = pending->advance())
          co_await loop.readiness(pending->fd(), want == PendingFetch::Want::Write, pending->deadline_ms());
        state.timeline.record(worker, WorkerState::Waiting, start, now_ms());
        if (!state.stopping()) state.workload.fetched(task, since_origin(pending->outcome(), state.timeline.origin_ms()));
        // snippet-end: io-fetch-async
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
  // The http source's sockets are waited on by the backend's poll (the core has no sockets).
  if (IoBackend* io = state.hooks.io) loop.set_poller([io](std::span<FdWait> waits, double ms) { io->poll(waits, ms); });
  for (std::size_t w = 0; w < workers; ++w) loop.spawn(async_worker(loop, state, w));
  loop.run([&state] { return state.stopping(); });
}

}  // namespace playground
