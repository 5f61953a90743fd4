#pragma once
#include <atomic>
#include <cstdint>
#include <vector>

#include "playground/io_backend.hpp"
#include "playground/report.hpp"
#include "playground/request.hpp"
#include "playground/workload.hpp"

namespace playground {

// Optional hooks of a run. `progress` counts finished items (of Workload::total_items) for a
// progress indicator; `cancel` stops workers at their next slice; so does the clock reaching
// `deadline_ms` (a now_ms() time; 0: no budget), which ends the run with code "timeout".
struct RunHooks {
  std::atomic<std::uint64_t>* progress = nullptr;
  const std::atomic<bool>* cancel = nullptr;
  double deadline_ms = 0;
  // Performs io --source http's fetches: the runtime's own (native: a loopback HTTP client).
  // A run of the http source without one is a RunError.
  IoBackend* io = nullptr;

  bool cancelled() const { return cancel != nullptr && cancel->load(std::memory_order_relaxed); }
  bool past_deadline() const;
  // The RunError for a run that these hooks stopped: "cancelled" wins over "timeout".
  [[noreturn]] void throw_stopped() const;
};

// Runs an in-process mode (sequential, threads, gil-threads, async) and returns its report.
// The processes mode is driven from outside (native runner, browser Workers) through the
// shard functions below. Throws ArgumentError on a processes request.
Report run(const Request&, const RunHooks& = {});

// One process's share: the tasks i with i % shard_count == shard_index, run sequentially.
// Its JSON form, the message a process or browser Worker sends, is in report_json.hpp.
struct ShardOutcome {
  DemoPartial partial;
  Span span;
};
ShardOutcome run_shard(const Request&, std::uint64_t shard_index, std::uint64_t shard_count,
                       double origin_ms, const RunHooks& = {}, RaceCounter shared = {});

// Merges shard outcomes into the processes report (`shared` if the shards shared a race counter).
Report assemble_shards(const Request&, const std::vector<ShardOutcome>&, double wall_ms,
                       RaceCounter shared = {});

// The work items a request consists of (the denominator of a progress bar).
std::uint64_t total_items(const Request&);

}  // namespace playground
