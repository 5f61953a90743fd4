#pragma once
// The pool experiment: M small tasks run twice on the same inputs. "pool": W workers started once
// take task after task from a queue (Python's ThreadPoolExecutor / ProcessPoolExecutor). "fresh":
// one new worker per task, at most W alive at a time (a Thread or a Process per task). Each start
// is timed from asking for the worker to its first instruction, so the report shows the start
// cost paid W times against M times, beside each strategy's wall time and a check of every result.
#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "playground/catalog.hpp"

namespace playground {

enum class PoolMode { Threads, Processes };
const NameTable<PoolMode>& pool_mode_names();
// The start methods a process pool takes here: fork and spawn (StartMethod's names).
const NameTable<StartMethod>& pool_start_method_names();

struct PoolOptions {
  PoolMode mode = PoolMode::Threads;
  StartMethod start_method = StartMethod::Fork;  // processes only
  std::uint64_t tasks = 32;    // M
  std::uint64_t workers = 4;   // W: the pool's size, and the most fresh workers alive at once
  std::uint64_t work = 20'000;  // loop steps per task: a few tens of microseconds

  bool operator==(const PoolOptions&) const = default;
};

// The inputs with their flags, ranges and defaults (the CLI, the API and wasm use these).
const std::vector<ParamSpec>& pool_param_specs();
const ParamSpec& pool_param_spec(std::string_view key);
inline constexpr std::uint64_t kMaxPoolTasks = 256;
inline constexpr std::uint64_t kMaxPoolWorkers = 16;
// tasks x work, the loop steps of one strategy: bounds the run's CPU time to well under a second.
inline constexpr std::uint64_t kMaxPoolTotalWork = 64'000'000;
// {"modes", "start_methods", "params", "limits": {"max_total_work"}}: the catalog's experiments.pool.
nlohmann::json pool_catalog_to_json();

// Throws ArgumentError naming the flag and its accepted range (workers at most tasks, and
// tasks x work at most kMaxPoolTotalWork).
void validate_pool_options(const PoolOptions&);

// snippet-begin: pool-task
// The task: `work` steps of a 64-bit mixing loop seeded by the task's number. Small, CPU-bound and
// deterministic, so every result can be checked against the same call made sequentially.
constexpr std::uint64_t pool_task_value(std::uint64_t task, std::uint64_t work) {
  std::uint64_t x = task * 0x9E3779B97F4A7C15ull + 1;
  for (std::uint64_t step = 0; step < work; ++step) {
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 29;
  }
  return x;
}
// snippet-end: pool-task

// One worker start: in ms from the run's origin, when the strategy asked for it and when it ran
// its first instruction (the difference is that start's cost).
struct PoolStart {
  std::uint64_t worker = 0;  // the lane: 0 .. W-1 (a fresh worker takes a free lane)
  std::int64_t id = 0;       // its thread id or process id
  double asked_ms = 0;
  double running_ms = 0;
  std::uint64_t tasks = 0;  // tasks it ran: many in a pool, one when fresh
};

// One task: on which lane, the start cost it waited for (its own worker's when fresh; in a pool
// the worker's start for its first task, else nothing), and when it ran.
struct PoolTask {
  std::uint64_t task = 0;
  std::uint64_t worker = 0;
  double start_wait_ms = 0;
  double started_ms = 0;
  double ended_ms = 0;
  std::uint64_t value = 0;
  bool correct = false;  // value == pool_task_value(task, work)
};

// One strategy's run. Filled by a runner (threads here, processes natively), finished by
// finish_pool_strategy.
struct PoolStrategyRun {
  double wall_ms = 0;
  std::vector<PoolStart> starts;  // in the order they were asked for
  std::vector<PoolTask> tasks;    // by task number
  // Set by finish_pool_strategy:
  double start_cost_ms = 0;  // the sum over starts of running_ms - asked_ms
  std::uint64_t sum = 0;     // of the values, wrapping
  bool correct = false;      // every task's value right, every task run once
};

struct PoolReport {
  PoolOptions options;
  std::uint64_t expected_sum = 0;  // of pool_task_value over every task, computed sequentially
  PoolStrategyRun pool;
  PoolStrategyRun fresh;
  double fresh_over_pool = 0;  // fresh.wall_ms / pool.wall_ms, measured in this run (0 if pool took 0)
};

// Checks every task against pool_task_value and fills the strategy's totals.
void finish_pool_strategy(PoolStrategyRun&, const PoolOptions&);
// The report from two runs: both finished, the expected sum and the ratio.
PoolReport make_pool_report(const PoolOptions&, PoolStrategyRun pool, PoolStrategyRun fresh);

// Validates, then runs both strategies with std::thread: W threads taking tasks from a queue, then
// a new thread per task with at most W alive. Every thread is joined before it returns or throws.
// ArgumentError for --mode processes (natively run by cplay, not here).
PoolReport run_pool_threads(const PoolOptions&);

}  // namespace playground
