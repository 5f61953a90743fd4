#pragma once
// The schedule explorer: the race, the deadlock, the async race and the barrier as small programs
// of steps on shared state, run by a deterministic scheduler. explore() visits every schedule
// (every order in which the workers' steps can interleave), grouped by outcome with a count and
// one witness schedule each; replay() runs one schedule step by step. A real run shows that
// updates get lost; this shows how.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "playground/async_control.hpp"
#include "playground/barrier.hpp"
#include "playground/catalog.hpp"
#include "playground/deadlock.hpp"

namespace playground {

enum class ExploreScenario { Race, Deadlock, AsyncRace, Barrier };
const NameTable<ExploreScenario>& explore_scenario_names();

struct ExploreOptions {
  ExploreScenario scenario = ExploreScenario::Race;
  std::uint64_t workers = 2;
  std::uint64_t increments = 2;                  // race, async-race
  Sync sync = Sync::None;                        // race: none|lock|atomic
  AsyncSync async_sync = AsyncSync::None;        // async-race: none|lock
  LockOrder order = LockOrder::Opposite;         // deadlock
  LockStrategy strategy = LockStrategy::Block;   // deadlock: block, or try-lock and back off
  std::uint64_t attempts = 2;                    // deadlock, try-lock: tries before giving up
  BarrierSync barrier_sync = BarrierSync::Barrier;  // barrier: barrier|none
  std::uint64_t phases = 2;                      // barrier

  bool operator==(const ExploreOptions&) const = default;
};

// Each scenario's inputs (flags, ranges, defaults) for the CLI, the API and wasm.
const std::vector<ParamSpec>& explore_param_specs(ExploreScenario);
// More states than this and the exploration stops with ArgumentError naming the limit.
inline constexpr std::uint64_t kMaxExploreStates = 200'000;
// A replayed schedule has at most this many steps.
inline constexpr std::uint64_t kMaxScheduleSteps = 1'000;

// {"scenario": "race", "workers": 2, ...}: absent fields keep their defaults; ArgumentError
// naming the flag and its range for anything else. "schedule", when present, is read by
// explore_schedule_from_json.
ExploreOptions explore_options_from_json(const nlohmann::json& request);
nlohmann::json explore_options_to_json(const ExploreOptions&);
// The request's "schedule" (an array of worker indexes, or text "0,1,1,0"), if any.
std::optional<std::vector<std::uint32_t>> explore_schedule_from_json(const nlohmann::json& request);

// One operation of a worker's program. Shared state is named variables and locks; each worker
// has registers. `text` is the operation in C++ as the learner reads it ("r0 = counter.load()"),
// `python` the same step in the lesson's Python ("seen = counter").
enum class OpKind : std::uint8_t {
  Read,         // reg = var
  Write,        // var = reg + value
  FetchAdd,     // var += value, in one indivisible step
  Lock,         // waits until the lock is free, then holds it
  TryLock,      // takes the lock if free and jumps to `target`; else goes on
  Unlock,
  Await,        // async: the coroutine gives the loop back (the only place another may run)
  Arrive,       // barrier: counts this worker in (var += 1)
  WaitAtLeast,  // barrier: waits until var >= value (every worker has arrived)
  CheckAtLeast, // reg < value counts one stale read (var += 1); never waits
  GiveUp,       // try-lock: this worker stops without its work done
};

struct ExploreOp {
  OpKind kind = OpKind::Read;
  std::uint8_t var = 0;   // variable or lock index
  std::uint8_t reg = 0;
  std::int64_t value = 0;
  std::uint16_t target = 0;  // TryLock: where to go once it holds the lock
  std::string text;
  std::string python;
};

struct ExploreProgram {
  std::string title;                       // e.g. "race: 2 workers x 2 increments, sync none"
  std::vector<std::string> variables;      // "counter", ...
  std::vector<std::string> locks;          // "lock", "A", "B", ...
  std::vector<std::vector<ExploreOp>> workers;
  // async: a step runs a coroutine up to and including its next await (or its end).
  bool cooperative = false;
};

ExploreProgram explore_program(const ExploreOptions&);

// One whole-program state: where each worker is, its registers, the shared values, who holds
// each lock (-1: nobody).
struct ExploreState {
  std::vector<std::uint16_t> pc;
  std::vector<std::int64_t> registers;  // worker-major, kExploreRegisters each
  std::vector<std::int64_t> variables;
  std::vector<std::int8_t> owners;
};
inline constexpr std::size_t kExploreRegisters = 2;

ExploreState initial_state(const ExploreProgram&);
bool finished(const ExploreProgram&, const ExploreState&, std::size_t worker);
// Whether `worker` can take a step now (not finished, not waiting for a lock or the barrier).
bool can_move(const ExploreProgram&, const ExploreState&, std::size_t worker);
// Why it cannot: "it has finished", "it waits for lock A, held by worker 1", ...
std::string why_blocked(const ExploreProgram&, const ExploreState&, std::size_t worker);
// Runs one scheduling step of `worker` (one op; in a cooperative program up to its next await)
// and returns the ops it ran, as text with the values they saw ("r0 = counter (0)").
std::vector<std::string> step(const ExploreProgram&, ExploreState&, std::size_t worker);
// The same step without the text: what the search runs.
void advance(const ExploreProgram&, ExploreState&, std::size_t worker);
// The outcome of a state where nobody can move: "counter = 3", "deadlock", "completed", ...
std::string outcome_of(const ExploreProgram&, const ExploreOptions&, const ExploreState&);

struct ExploreOutcome {
  std::string label;
  std::uint64_t schedules = 0;  // how many schedules end here (saturates at 2^64 - 1)
  std::vector<std::uint32_t> witness;  // one of them: the worker of each step
  bool deadlock = false;
};

struct ExploreReport {
  ExploreOptions options;
  ExploreProgram program;
  std::vector<ExploreOutcome> outcomes;  // in order of label
  std::uint64_t schedules = 0;  // all of them
  std::uint64_t states = 0;     // distinct states visited (each explored once: state caching)
  bool saturated = false;       // a count reached 2^64 - 1
  double wall_ms = 0;
};

ExploreReport explore(const ExploreOptions&);

struct ReplayStep {
  std::uint32_t worker = 0;
  std::vector<std::string> ops;
};

struct ReplayReport {
  ExploreOptions options;
  ExploreProgram program;
  std::vector<std::uint32_t> schedule;
  std::vector<ReplayStep> steps;
  ExploreState final_state;
  // Set when nobody can move at the end; otherwise the workers that still could.
  std::optional<std::string> outcome;
  std::vector<std::uint32_t> can_still_move;
};

// Runs `schedule`; ArgumentError naming the step when it asks a worker that cannot move.
ReplayReport replay(const ExploreOptions&, const std::vector<std::uint32_t>& schedule);

nlohmann::json explore_report_to_json(const ExploreReport&);
nlohmann::json replay_report_to_json(const ReplayReport&);

}  // namespace playground
