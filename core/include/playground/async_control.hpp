#pragma once
// The async control experiment: four lessons of one coroutine event loop (asyncio's), each with a
// timeline of its events. gather collects every task's result in the order the tasks were given;
// cancel ends one task in the middle of its wait, and its cleanup still runs; timeout cancels a
// slow task when a deadline passes; race has coroutines read a shared counter, await, then write
// it back, and loses updates on ONE thread, unless an async lock covers the read and the write.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "playground/catalog.hpp"

namespace playground {

enum class AsyncScenario { Gather, Cancel, Timeout, Race, All };
enum class AsyncSync { None, Lock };
const NameTable<AsyncScenario>& async_scenario_names();
const NameTable<AsyncSync>& async_sync_names();

struct AsyncControlOptions {
  AsyncScenario scenario = AsyncScenario::All;
  std::uint64_t tasks = 3;          // gather's and cancel's tasks, race's coroutines
  std::uint64_t latency_ms = 60;    // each task's wait; the timeout scenario's slow task waits this long
  std::uint64_t timeout_ms = 30;    // the timeout scenario's deadline
  AsyncSync sync = AsyncSync::None;  // race: none loses updates, lock keeps every one
  std::uint64_t increments = 3;     // race: increments per coroutine

  bool operator==(const AsyncControlOptions&) const = default;
};

// The inputs with their flags, ranges and defaults (the CLI, the API and wasm use these).
const std::vector<ParamSpec>& async_param_specs();
const ParamSpec& async_param_spec(std::string_view key);
// {"scenarios", "syncs", "params"}: the catalog's experiments.async.
nlohmann::json async_catalog_to_json();

enum class AsyncEventKind { Start, Await, Resume, Cancel, Cancelled, Cleanup, Timeout, End };
const NameTable<AsyncEventKind>& async_event_kind_names();

// One moment of one coroutine, in ms from the scenario's start on the loop's clock.
struct AsyncEvent {
  std::string lane;    // "main", "task 0", ...
  AsyncEventKind kind = AsyncEventKind::Start;
  std::string detail;  // what it awaits, what it read or wrote, its result
  double at_ms = 0;
};

struct GatherOutcome {
  std::vector<std::int64_t> results;         // in the order the tasks were given
  std::vector<std::uint64_t> finish_order;   // task numbers in the order they ended
};

struct CancelOutcome {
  std::uint64_t cancelled_task = 0;
  double cancelled_at_ms = 0;   // when main asked for the cancel
  bool wait_cancelled = false;  // the task's sleep ended with "cancelled", not its time
  bool cleanup_ran = false;     // its cleanup block ran after that
  std::uint64_t completed = 0;  // the other tasks, which finished their wait
};

struct TimeoutOutcome {
  std::uint64_t timeout_ms = 0;
  std::uint64_t slow_ms = 0;
  bool timed_out = false;
  double timed_out_at_ms = 0;   // when wait_for gave up (the deadline, on the loop's clock)
  bool cleanup_ran = false;     // the slow task's cleanup, run when wait_for cancelled it
  std::int64_t result = 0;      // when it finished in time
};

struct RaceOutcome {
  AsyncSync sync = AsyncSync::None;
  std::uint64_t expected = 0;  // tasks x increments
  std::uint64_t final_value = 0;
  std::uint64_t lost = 0;      // expected - final
};

struct AsyncScenarioRun {
  AsyncScenario scenario = AsyncScenario::Gather;
  double wall_ms = 0;
  std::vector<AsyncEvent> events;
  GatherOutcome gather;    // the one that matches `scenario` is filled
  CancelOutcome cancel;
  TimeoutOutcome timeout;
  RaceOutcome race;
};

struct AsyncControlReport {
  AsyncControlOptions options;
  std::vector<AsyncScenarioRun> runs;  // one per scenario, in the order gather, cancel, timeout, race
  // False only when a race lost updates: the lesson, shown; the CLI exits 1 for it like a wrong
  // barrier answer.
  bool exact() const;
};

// Throws ArgumentError naming the flag and its accepted range.
void validate_async_options(const AsyncControlOptions&);

AsyncScenarioRun run_async_gather(std::uint64_t tasks, std::uint64_t latency_ms);
AsyncScenarioRun run_async_cancel(std::uint64_t tasks, std::uint64_t latency_ms);
AsyncScenarioRun run_async_timeout(std::uint64_t slow_ms, std::uint64_t timeout_ms);
AsyncScenarioRun run_async_race(std::uint64_t tasks, std::uint64_t increments, AsyncSync sync);

// Validates, then runs the chosen scenario, or all four one after another.
AsyncControlReport run_async_control(const AsyncControlOptions&);

}  // namespace playground
