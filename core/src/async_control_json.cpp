#include "playground/async_control_json.hpp"

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
    "every scenario runs on one thread, on the core's coroutine event loop (a ready queue served first in, first "
    "out, and a timer heap); each event's at_ms is read from the loop's clock when it happens, from the scenario's "
    "start; gather's results are read from each task's own cell; cancel_at_ms and timed_out_at_ms are when main "
    "asked; cleanup_ran is set by the task's cleanup block itself; the race's final is the counter after every "
    "coroutine ended, and lost is expected minus final";

json outcome_to_json(const AsyncScenarioRun& run) {
  switch (run.scenario) {
    case AsyncScenario::Gather:
      return {{"results", run.gather.results}, {"finish_order", run.gather.finish_order}};
    case AsyncScenario::Cancel:
      return {{"cancelled_task", run.cancel.cancelled_task},
              {"cancelled_at_ms", rounded_ms(run.cancel.cancelled_at_ms)},
              {"wait_cancelled", run.cancel.wait_cancelled},
              {"cleanup_ran", run.cancel.cleanup_ran},
              {"completed", run.cancel.completed}};
    case AsyncScenario::Timeout:
      return {{"timeout_ms", run.timeout.timeout_ms},
              {"slow_ms", run.timeout.slow_ms},
              {"timed_out", run.timeout.timed_out},
              {"timed_out_at_ms", run.timeout.timed_out ? json(rounded_ms(run.timeout.timed_out_at_ms)) : json(nullptr)},
              {"cleanup_ran", run.timeout.cleanup_ran}};
    case AsyncScenario::Race:
      return {{"sync", async_sync_names().name(run.race.sync)},
              {"expected", run.race.expected},
              {"final", run.race.final_value},
              {"lost", run.race.lost}};
    case AsyncScenario::All: break;
  }
  return nullptr;
}

json run_to_json(const AsyncScenarioRun& run) {
  json events = json::array();
  for (const AsyncEvent& e : run.events)
    events.push_back({{"lane", e.lane},
                      {"kind", async_event_kind_names().name(e.kind)},
                      {"detail", e.detail},
                      {"at_ms", rounded_ms(e.at_ms)}});
  return {{"scenario", async_scenario_names().name(run.scenario)},
          {"wall_ms", rounded_ms(run.wall_ms)},
          {"events", std::move(events)},
          {"outcome", outcome_to_json(run)}};
}

}  // namespace

AsyncControlOptions async_options_from_json(const json& request) {
  AsyncControlOptions options;
  experiment_json::read_fields(
      request, R"({"scenario": "race", "tasks": 3})", "scenario, tasks, latency_ms, timeout_ms, sync, increments",
      [&options](const std::string& key, const json& value) {
        if (key == "scenario") options.scenario = parse_choice(value, async_scenario_names(), "--scenario");
        else if (key == "sync") options.sync = parse_choice(value, async_sync_names(), "--sync");
        else if (key == "tasks") options.tasks = parse_numeric(value, async_param_spec(key));
        else if (key == "latency_ms") options.latency_ms = parse_numeric(value, async_param_spec(key));
        else if (key == "timeout_ms") options.timeout_ms = parse_numeric(value, async_param_spec(key));
        else if (key == "increments") options.increments = parse_numeric(value, async_param_spec(key));
        else return false;
        return true;
      });
  validate_async_options(options);
  return options;
}

json async_options_to_json(const AsyncControlOptions& options) {
  return {{"scenario", async_scenario_names().name(options.scenario)},
          {"tasks", options.tasks},
          {"latency_ms", options.latency_ms},
          {"timeout_ms", options.timeout_ms},
          {"sync", async_sync_names().name(options.sync)},
          {"increments", options.increments}};
}

json async_report_to_json(const AsyncControlReport& report) {
  json out = experiment_json::report_head("async", async_options_to_json(report.options));
  out["measured"] = kMeasuredText;
  out["exact"] = report.exact();
  json runs = json::array();
  for (const AsyncScenarioRun& run : report.runs) runs.push_back(run_to_json(run));
  out["runs"] = std::move(runs);
  out["platform"] = platform_json();
  return out;
}

}  // namespace playground
