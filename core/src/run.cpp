#include "playground/run.hpp"

#include <algorithm>

#include "modes.hpp"
#include "playground/errors.hpp"

namespace playground {

bool RunHooks::past_deadline() const { return deadline_ms > 0 && now_ms() >= deadline_ms; }

void RunHooks::throw_stopped() const {
  if (past_deadline() && !cancelled()) throw RunError("the run was stopped at the end of its time budget", "timeout");
  throw RunError("the run was cancelled", "cancelled");
}

namespace {

// The http source waits on real sockets, which only the runtime can open.
void require_io_backend(const Request& request, const RunHooks& hooks) {
  if (request.demo == Demo::Io && request.params.source == WaitSource::Http && hooks.io == nullptr)
    throw RunError("--source http needs a runtime that can fetch over HTTP (the native cplay); none was given");
}

}  // namespace

Report run(const Request& request, const RunHooks& hooks) {
  if (request.mode == Mode::Processes)
    throw ArgumentError("--mode processes is run by a process runner (run_shard), not in-process");
  if (request.mode == Mode::Mpi) throw ArgumentError("--mode mpi is run by MPI ranks (cplay-mpi under mpirun), not in-process");
  require_io_backend(request, hooks);
  // Sequential runs everything on one thread; the race still runs `request.workers` loops there.
  const std::size_t workers = request.mode == Mode::Sequential ? 1 : request.workers;
  auto workload = make_workload(request, workers);
  const double origin = now_ms();
  Timeline timeline(workers, origin);
  RunState state{*workload, timeline, hooks};
  Report report;
  switch (request.mode) {
    case Mode::Sequential: run_sequential(state); break;
    case Mode::Threads: run_threads(state, workers); break;
    case Mode::GilThreads: {
      const auto interval = std::chrono::milliseconds(request.params.switch_interval_ms);
      report.gil = GilFacts{run_gil_threads(state, workers, interval)};
      break;
    }
    case Mode::Async: run_async(state, workers); break;
    case Mode::Processes:
    case Mode::Mpi: break;
  }
  report.wall_ms = now_ms() - origin;
  if (state.error) std::rethrow_exception(state.error);
  if (state.stopping()) hooks.throw_stopped();
  report.request = request;
  report.result = workload->result();
  timeline.fill(report);
  return report;
}

ShardOutcome run_shard(const Request& request, std::uint64_t shard_index, std::uint64_t shard_count,
                       double origin_ms, const RunHooks& hooks, RaceCounter shared) {
  require_io_backend(request, hooks);
  auto workload = make_workload(request, 1, shared);
  Timeline timeline(1, origin_ms);
  RunState state{*workload, timeline, hooks};
  BlockingPolicy policy{state};
  // Strided shares: task i goes to shard i % count, so cheap and costly tasks spread evenly.
  timeline.begin(0);
  for (std::size_t task = shard_index; task < workload->task_count(); task += shard_count)
    if (!drive_task(state, task, 0, policy)) break;
  timeline.end(0);
  if (state.stopping()) hooks.throw_stopped();
  ShardOutcome outcome{workload->partial(), timeline.span(0)};
  outcome.span.worker = shard_index;
  return outcome;
}

Report assemble_shards(const Request& request, const std::vector<ShardOutcome>& outcomes, double wall_ms,
                       RaceCounter shared) {
  auto workload = make_workload(request, 1, shared);
  Report report;
  report.request = request;
  for (const ShardOutcome& outcome : outcomes) {
    workload->absorb(outcome.partial);
    report.spans.push_back(outcome.span);
  }
  std::sort(report.spans.begin(), report.spans.end(),
            [](const Span& a, const Span& b) { return a.worker < b.worker; });
  report.result = workload->result();
  report.wall_ms = wall_ms;
  return report;
}

std::uint64_t total_items(const Request& request) { return make_workload(request, 1)->total_items(); }

}  // namespace playground
