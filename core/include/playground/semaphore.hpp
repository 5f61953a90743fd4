#pragma once
// The semaphore experiment: N simulated downloads of which at most K may run at once (a
// counting semaphore with K permits, as in "limit concurrent downloads"). The report shows each
// task's wait for a permit and its hold, the most tasks seen inside at once, and the wall time
// beside the ideal ceil(N / K) x latency; a sweep runs K = 1 .. N to show the wall time fall.
#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "playground/catalog.hpp"

namespace playground {

enum class SemaphoreMode { Threads, Async };
const NameTable<SemaphoreMode>& semaphore_mode_names();

struct SemaphoreOptions {
  SemaphoreMode mode = SemaphoreMode::Threads;
  std::uint64_t tasks = 6;
  std::uint64_t limit = 2;  // K, the semaphore's permits
  std::uint64_t latency_ms = 200;
  bool sweep = false;  // also run every K from 1 to tasks

  bool operator==(const SemaphoreOptions&) const = default;
};

// The inputs with their flags, ranges and defaults (the CLI, the API and wasm use these). Runs
// are bounded by their ideal length: ceil(tasks / limit) x latency_ms for one run, the sum of
// that over K = 1 .. tasks for a sweep.
const std::vector<ParamSpec>& semaphore_param_specs();
const ParamSpec& semaphore_param_spec(std::string_view key);
inline constexpr std::uint64_t kMaxSemaphoreTasks = 64;
inline constexpr std::uint64_t kMaxSemaphoreIdealMs = 20'000;
// {"modes", "params", "limits": {"max_ideal_ms"}}: the catalog's experiments.semaphore.
nlohmann::json semaphore_catalog_to_json();

// ceil(tasks / limit) x latency_ms: the wall time if every wave of K tasks started at once.
std::uint64_t semaphore_ideal_ms(std::uint64_t tasks, std::uint64_t limit, std::uint64_t latency_ms);
// The sum of the ideal over K = 1 .. tasks.
std::uint64_t semaphore_sweep_ideal_ms(std::uint64_t tasks, std::uint64_t latency_ms);

// One task, in ms from the run's start: when it asked for a permit, got it, and gave it back
// (the simulated I/O wait lies between the last two).
struct SemaphoreTask {
  std::uint64_t task = 0;
  std::int64_t tid = 0;
  double asked_ms = 0;
  double acquired_ms = 0;
  double released_ms = 0;
};

// One run with K permits.
struct SemaphoreRun {
  std::uint64_t limit = 0;
  std::uint64_t max_in_flight = 0;  // counted by an atomic between acquire and release
  double wall_ms = 0;
  std::uint64_t ideal_ms = 0;
  std::vector<SemaphoreTask> tasks;
};

struct SemaphoreReport {
  SemaphoreOptions options;
  SemaphoreRun run;                // K = options.limit
  std::vector<SemaphoreRun> sweep;  // K = 1 .. tasks when options.sweep (each without its tasks)
};

// Throws ArgumentError naming the flag and its accepted range, or the limit on ideal time.
void validate_semaphore_options(const SemaphoreOptions&);

// One run with `limit` permits in the given mode. Threads: one std::thread per task taking a
// std::counting_semaphore; async: one coroutine per task on the core's event loop with an
// asynchronous semaphore. Every thread is joined before it returns.
SemaphoreRun run_semaphore_once(SemaphoreMode mode, std::uint64_t tasks, std::uint64_t limit, std::uint64_t latency_ms);

// Validates, then runs K = options.limit, and with options.sweep every K from 1 to tasks.
SemaphoreReport run_semaphore(const SemaphoreOptions&);

}  // namespace playground
