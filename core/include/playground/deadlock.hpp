#pragma once
// The deadlock experiment: N workers each take two locks and hold them for a while, round after
// round. With --order opposite worker i reaches for lock i, then lock i+1 (mod N): a ring in
// which every worker can end up holding one lock and waiting for its neighbour's. A watchdog
// finds that cycle in the wait-for graph, reports it and ends the run cleanly.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "playground/catalog.hpp"
#include "playground/report.hpp"

namespace playground {

enum class DeadlockMode { Threads, Processes };
enum class LockOrder { Opposite, Consistent };
enum class LockStrategy { Block, TryLock };

const NameTable<DeadlockMode>& deadlock_mode_names();
const NameTable<LockOrder>& lock_order_names();
const NameTable<LockStrategy>& lock_strategy_names();

struct DeadlockOptions {
  DeadlockMode mode = DeadlockMode::Threads;
  std::uint64_t workers = 2;
  LockOrder order = LockOrder::Opposite;
  LockStrategy strategy = LockStrategy::Block;
  std::uint64_t rounds = 3;
  // How long a worker holds its first lock before reaching for the second, and then both:
  // long enough that, in opposite order, every worker holds its first lock at once.
  std::uint64_t hold_ms = 50;

  bool operator==(const DeadlockOptions&) const = default;
};

// The experiment's inputs with their flags, ranges and defaults (the CLI, the API and wasm use
// these), and the one limit that spans them: a run where the locks serialise every hold lasts
// about workers x rounds x 2 x hold_ms.
const std::vector<ParamSpec>& deadlock_param_specs();
const ParamSpec& deadlock_param_spec(std::string_view key);
inline constexpr std::uint64_t kMaxDeadlockWorkers = 8;
inline constexpr std::uint64_t kMaxDeadlockSerialMs = 20'000;
// {"modes", "params", "limits": {"max_serial_ms"}}: the catalog's experiments.deadlock, for info.
nlohmann::json deadlock_catalog_to_json();

// One edge pair of the wait-for graph: `worker` holds lock `holds` and waits for lock
// `waits_for`, which `held_by` holds.
struct WaitLink {
  std::uint64_t worker = 0;
  std::uint64_t holds = 0;
  std::uint64_t waits_for = 0;
  std::uint64_t held_by = 0;

  bool operator==(const WaitLink&) const = default;
};

struct DeadlockWorkerResult {
  std::uint64_t worker = 0;
  std::uint64_t first_lock = 0;   // the lock it reaches for first
  std::uint64_t second_lock = 0;
  std::uint64_t rounds_completed = 0;
  std::uint64_t retries = 0;      // try-lock: second locks it could not get, so it let go and retried
  bool gave_up = false;           // stopped by the watchdog's cancel while waiting
};

struct DeadlockReport {
  DeadlockOptions options;
  bool deadlock = false;
  std::optional<double> detected_ms;  // when the watchdog saw the cycle twice, from the run's start
  std::vector<WaitLink> cycle;        // empty without a deadlock
  std::vector<DeadlockWorkerResult> workers;
  std::uint64_t watchdog_samples = 0;
  double wall_ms = 0;
  std::vector<Span> spans;
  // running: holding a lock; waiting: waiting for a lock, or backing off before a retry.
  std::vector<Event> events;
  bool events_truncated = false;
};

// Checks the options against the ranges and the combined limit; ArgumentError naming the flag.
void validate_deadlock_options(const DeadlockOptions&);

// Runs the experiment in threads (natively, or in the wasm pthreads build). Never hangs: a
// deadlock is detected and ended, and a run past its time budget is cancelled (RunError
// "timeout"). Every thread is joined before it returns or throws.
DeadlockReport run_deadlock_threads(const DeadlockOptions&);

}  // namespace playground
