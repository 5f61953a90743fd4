#include "playground/semaphore_json.hpp"

#include <string>

#include "experiment_json.hpp"
#include "playground/errors.hpp"
#include "playground/report_json.hpp"
#include "playground/request.hpp"

namespace playground {
namespace {

using json = nlohmann::json;
using experiment_json::parse_choice;
using experiment_json::shown;
using experiment_json::rounded_ms;

bool parse_switch(const json& value) {
  if (value.is_boolean()) return value.get<bool>();
  throw ArgumentError("--sweep must be true or false (got " + shown(value) + ")");
}

// How the report's numbers were measured: a reader should not have to guess.
constexpr const char* kMeasuredText =
    "each task takes a permit, then waits latency_ms as a download would, then gives the permit back; an atomic "
    "counter goes up right after acquire and down right before release, and max_in_flight is the most it held; "
    "ideal_ms is ceil(tasks / limit) x latency_ms, the time if each wave of limit tasks started together";

json run_to_json(const SemaphoreRun& run) {
  json out = {{"limit", run.limit},
              {"max_in_flight", run.max_in_flight},
              {"wall_ms", rounded_ms(run.wall_ms)},
              {"ideal_ms", run.ideal_ms},
              // 0 ms of latency has no ideal to compare with
              {"ratio", run.ideal_ms == 0 ? json(nullptr) : json(rounded_ms(run.wall_ms / static_cast<double>(run.ideal_ms)))}};
  return out;
}

}  // namespace

SemaphoreOptions semaphore_options_from_json(const json& request) {
  SemaphoreOptions options;
  experiment_json::read_fields(
      request, R"({"tasks": 6, "limit": 2})", "mode, tasks, limit, latency_ms, sweep",
      [&options](const std::string& key, const json& value) {
        if (key == "mode") options.mode = parse_choice(value, semaphore_mode_names(), "--mode");
        else if (key == "tasks") options.tasks = parse_numeric(value, semaphore_param_spec(key));
        else if (key == "limit") options.limit = parse_numeric(value, semaphore_param_spec(key));
        else if (key == "latency_ms") options.latency_ms = parse_numeric(value, semaphore_param_spec(key));
        else if (key == "sweep") options.sweep = parse_switch(value);
        else return false;
        return true;
      });
  validate_semaphore_options(options);
  return options;
}

json semaphore_options_to_json(const SemaphoreOptions& options) {
  return {{"mode", semaphore_mode_names().name(options.mode)},
          {"tasks", options.tasks},
          {"limit", options.limit},
          {"latency_ms", options.latency_ms},
          {"sweep", options.sweep}};
}

json semaphore_report_to_json(const SemaphoreReport& report) {
  json out = experiment_json::report_head("semaphore", semaphore_options_to_json(report.options));
  out["measured"] = kMeasuredText;
  out.update(run_to_json(report.run));
  json tasks = json::array();
  for (const SemaphoreTask& t : report.run.tasks)
    tasks.push_back({{"task", t.task},
                     {"tid", t.tid},
                     {"asked_ms", rounded_ms(t.asked_ms)},
                     {"acquired_ms", rounded_ms(t.acquired_ms)},
                     {"released_ms", rounded_ms(t.released_ms)}});
  out["per_task"] = std::move(tasks);
  json sweep = json::array();
  for (const SemaphoreRun& row : report.sweep) sweep.push_back(run_to_json(row));
  out["sweep_runs"] = std::move(sweep);
  out["platform"] = platform_json();
  return out;
}

}  // namespace playground
