#pragma once
// The barrier experiment: N workers compute P phases of a ring. In phase p worker i writes cell i
// of row p from cells i-1, i and i+1 of row p-1, so no phase may start before the one before it
// has finished everywhere. Three ways to keep (or not keep) that order:
//   barrier: N threads for the whole run, meeting at a std::barrier after each phase;
//   join:    N fresh threads per phase, started and then joined before the next phase;
//   none:    N threads that never wait, so a fast worker reads cells still unwritten.
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "playground/catalog.hpp"
#include "playground/report.hpp"

namespace playground {

enum class BarrierSync { Barrier, Join, None };
const NameTable<BarrierSync>& barrier_sync_names();

struct BarrierOptions {
  BarrierSync sync = BarrierSync::Barrier;
  std::uint64_t workers = 4;
  std::uint64_t phases = 5;
  // Worker i works work_ms + i x skew_ms per phase: uneven, so the fast ones wait for the slowest.
  std::uint64_t work_ms = 10;
  std::uint64_t skew_ms = 10;

  bool operator==(const BarrierOptions&) const = default;
};

// The experiment's inputs with their flags, ranges and defaults (the CLI, the API and wasm use
// these), and the limit across them: the slowest worker's work, phases x (work_ms + (workers-1) x
// skew_ms), which is how long a run with a barrier or joins lasts at least.
const std::vector<ParamSpec>& barrier_param_specs();
const ParamSpec& barrier_param_spec(std::string_view key);
inline constexpr std::uint64_t kMaxBarrierWorkers = 16;
inline constexpr std::uint64_t kMaxBarrierSlowestMs = 20'000;
// {"syncs", "params", "limits": {"max_slowest_ms"}}: the catalog's experiments.barrier, for info.
nlohmann::json barrier_catalog_to_json();

// Checks the options against the ranges and the combined limit; ArgumentError naming the flag.
void validate_barrier_options(const BarrierOptions&);

// The ms worker `worker` works in every phase.
std::uint64_t barrier_work_ms(const BarrierOptions&, std::uint64_t worker);

struct BarrierWorkerResult {
  std::uint64_t worker = 0;
  std::uint64_t work_ms = 0;      // per phase, as asked
  std::uint64_t stale_reads = 0;  // neighbour cells it read before their writer had written them
  double waited_ms = 0;           // barrier: its time at the barrier, all phases together
};

// join: what starting and joining the phase's threads cost, measured.
struct BarrierPhaseCost {
  std::uint64_t phase = 0;
  double start_ms = 0;  // constructing the N std::thread objects (each starts a thread)
  double join_ms = 0;   // from the last worker's finish until every join had returned
};

struct BarrierEvent {
  std::uint64_t worker = 0;
  std::uint64_t phase = 0;
  WorkerState state = WorkerState::Running;  // running: the phase's work; waiting: at the barrier
  double start_ms = 0;  // from the run's start
  double end_ms = 0;
};

struct BarrierReport {
  BarrierOptions options;
  std::vector<std::uint64_t> final_row;      // row P as the workers left it
  std::vector<std::uint64_t> reference_row;  // row P computed one cell at a time, in order
  std::uint64_t checksum = 0;                // sum of final_row
  std::uint64_t reference_checksum = 0;
  std::uint64_t wrong_cells = 0;  // cells of rows 1..P that differ from the sequential reference
  std::uint64_t stale_reads = 0;
  std::vector<BarrierWorkerResult> workers;
  std::vector<BarrierPhaseCost> phase_costs;  // join only
  std::vector<BarrierEvent> events;
  double wall_ms = 0;

  bool correct() const { return wrong_cells == 0 && checksum == reference_checksum; }
};

// Runs the experiment in threads (natively, or in the wasm pthreads build). Every thread is
// joined before it returns or throws (RunError when a thread cannot be started).
BarrierReport run_barrier_threads(const BarrierOptions&);

// The verdict of a finished run, whoever ran it (threads here, MPI ranks natively): compares every
// cell of rows 1..P, read with `cell(row, column)`, with the sequential reference, fills the final
// and reference rows with their checksums, and orders report.events by start.
void judge_barrier_run(BarrierReport& report, const std::function<std::uint64_t(std::size_t, std::size_t)>& cell);

}  // namespace playground
