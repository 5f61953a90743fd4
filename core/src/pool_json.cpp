#include "playground/pool_json.hpp"

#include <string>

#include "experiment_json.hpp"
#include "playground/errors.hpp"
#include "playground/report_json.hpp"
#include "playground/request.hpp"

namespace playground {
namespace {

using json = nlohmann::json;
using experiment_json::parse_choice;
using experiment_json::rounded_ms;

// How the report's numbers were measured: a reader should not have to guess.
constexpr const char* kMeasuredText =
    "both strategies run the same tasks one after the other; a start is timed from just before asking for the worker "
    "(std::thread, fork or posix_spawn) to the first instruction the worker runs, on one monotonic clock; "
    "start_cost_ms is the sum over every start; a task's start_wait_ms is the start its worker paid before it (in a "
    "pool, only a worker's first task has one); each task's value is checked against the same function run "
    "sequentially; fresh_over_pool is fresh wall_ms / pool wall_ms, measured in this run";

json strategy_to_json(const PoolStrategyRun& run) {
  json starts = json::array();
  for (const PoolStart& s : run.starts)
    starts.push_back({{"worker", s.worker},
                      {"id", s.id},
                      {"asked_ms", rounded_ms(s.asked_ms)},
                      {"running_ms", rounded_ms(s.running_ms)},
                      {"start_ms", rounded_ms(s.running_ms - s.asked_ms)},
                      {"tasks", s.tasks}});
  json tasks = json::array();
  for (const PoolTask& t : run.tasks)
    tasks.push_back({{"task", t.task},
                     {"worker", t.worker},
                     {"start_wait_ms", rounded_ms(t.start_wait_ms)},
                     {"started_ms", rounded_ms(t.started_ms)},
                     {"ended_ms", rounded_ms(t.ended_ms)},
                     {"value", std::to_string(t.value)},
                     {"correct", t.correct}});
  return {{"wall_ms", rounded_ms(run.wall_ms)},
          {"starts", run.starts.size()},
          {"start_cost_ms", rounded_ms(run.start_cost_ms)},
          {"sum", std::to_string(run.sum)},
          {"correct", run.correct},
          {"workers", std::move(starts)},
          {"per_task", std::move(tasks)}};
}

}  // namespace

PoolOptions pool_options_from_json(const json& request) {
  PoolOptions options;
  experiment_json::read_fields(
      request, R"({"tasks": 32, "workers": 4})", "mode, start_method, tasks, workers, work",
      [&options](const std::string& key, const json& value) {
        if (key == "mode") options.mode = parse_choice(value, pool_mode_names(), "--mode");
        else if (key == "start_method")
          options.start_method = parse_choice(value, pool_start_method_names(), "--start-method");
        else if (key == "tasks") options.tasks = parse_numeric(value, pool_param_spec(key));
        else if (key == "workers") options.workers = parse_numeric(value, pool_param_spec(key));
        else if (key == "work") options.work = parse_numeric(value, pool_param_spec(key));
        else return false;
        return true;
      });
  validate_pool_options(options);
  return options;
}

json pool_options_to_json(const PoolOptions& options) {
  return {{"mode", pool_mode_names().name(options.mode)},
          {"start_method", pool_start_method_names().name(options.start_method)},
          {"tasks", options.tasks},
          {"workers", options.workers},
          {"work", options.work}};
}

json pool_report_to_json(const PoolReport& report) {
  json out = experiment_json::report_head("pool", pool_options_to_json(report.options));
  // Threads have no start method: say so rather than echo one that was not used.
  if (report.options.mode == PoolMode::Threads) out["start_method"] = nullptr;
  out["measured"] = kMeasuredText;
  out["expected_sum"] = std::to_string(report.expected_sum);
  out["correct"] = report.pool.correct && report.fresh.correct;
  out["pool"] = strategy_to_json(report.pool);
  out["fresh"] = strategy_to_json(report.fresh);
  out["fresh_over_pool"] = rounded_ms(report.fresh_over_pool);
  out["platform"] = platform_json();
  return out;
}

}  // namespace playground
