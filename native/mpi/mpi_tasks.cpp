#include "mpi/mpi_tasks.hpp"

#include <exception>
#include <thread>

#include "playground/platform.hpp"
#include "playground/task_runner.hpp"

namespace cplay::mpi {
namespace {

// Runs every task of `chunk`; false once the hooks stop the run.
bool run_chunk(playground::TaskRunner& runner, const Chunk& chunk) {
  for (std::uint64_t task = chunk.first; task < chunk.first + chunk.count; ++task)
    if (!runner.run(task)) return false;
  return true;
}

RankOutcome finish(const playground::TaskRunner& runner, const World& world, bool stopped) {
  playground::Report timeline = runner.timeline();
  RankOutcome outcome{runner.partial(), timeline.spans.front(), std::move(timeline.events), timeline.events_truncated,
                      stopped};
  outcome.span.worker = static_cast<std::uint64_t>(world.rank());
  outcome.span.host = world.host();
  for (playground::Event& event : outcome.events) event.worker = outcome.span.worker;
  return outcome;
}

}  // namespace

TaskJob run_task_job(const World& world, const playground::Request& request, double origin_ms,
                     const playground::RunHooks& hooks) {
  playground::TaskRunner runner(request, origin_ms, hooks);
  const std::uint64_t chunk = chunk_size(runner.task_count(), world.size());
  if (!world.root()) {
    runner.begin();
    bool completed = true;
    // The time between asking and being answered is waiting for work, shown as such.
    for (double asked = playground::now_ms();; asked = playground::now_ms()) {
      const std::optional<Chunk> next = request_chunk();
      runner.waited(asked, playground::now_ms());
      if (!next) break;
      // Once stopped, the rank keeps asking (and is refused) so that rank 0's loop ends.
      if (completed) completed = run_chunk(runner, *next);
    }
    runner.end();
    return {finish(runner, world, !completed), 0};
  }

  // Rank 0: a thread of its own works while the main thread, the only one calling MPI, answers.
  ChunkDispenser dispenser(runner.task_count(), chunk, [&hooks] { return hooks.cancelled() || hooks.past_deadline(); });
  bool completed = true;
  std::exception_ptr failure;
  std::thread worker([&] {
    try {
      runner.begin();
      while (const std::optional<Chunk> next = dispenser.take())
        if (!(completed = run_chunk(runner, *next))) break;
      runner.end();
    } catch (...) {
      failure = std::current_exception();
    }
  });
  dispenser.serve(world);
  worker.join();
  if (failure) std::rethrow_exception(failure);
  return {finish(runner, world, !completed), dispenser.handed_out()};
}

}  // namespace cplay::mpi
