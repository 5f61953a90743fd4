#include "playground/barrier_json.hpp"

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

// What the check compares, for the report: a reader should not have to guess.
constexpr const char* kCheckText =
    "every cell of every phase is compared with the same ring computed one cell at a time, in order; a stale read "
    "is a neighbour's cell of the previous phase read while it still held 0, before its worker had written it";

}  // namespace

BarrierOptions barrier_options_from_json(const json& request) {
  BarrierOptions options;
  experiment_json::read_fields(
      request, R"({"sync": "barrier", "workers": 4})", "sync, workers, phases, work_ms, skew_ms",
      [&options](const std::string& key, const json& value) {
        if (key == "sync") options.sync = parse_choice(value, barrier_sync_names(), barrier_param_spec(key).flag);
        else if (key == "workers") options.workers = parse_numeric(value, barrier_param_spec(key));
        else if (key == "phases") options.phases = parse_numeric(value, barrier_param_spec(key));
        else if (key == "work_ms") options.work_ms = parse_numeric(value, barrier_param_spec(key));
        else if (key == "skew_ms") options.skew_ms = parse_numeric(value, barrier_param_spec(key));
        else return false;
        return true;
      });
  validate_barrier_options(options);
  return options;
}

json barrier_options_to_json(const BarrierOptions& options) {
  return {{"sync", barrier_sync_names().name(options.sync)},
          {"workers", options.workers},
          {"phases", options.phases},
          {"work_ms", options.work_ms},
          {"skew_ms", options.skew_ms}};
}

json barrier_report_to_json(const BarrierReport& report) {
  json out = experiment_json::report_head("barrier", barrier_options_to_json(report.options));
  out["correct"] = report.correct();
  out["check"] = kCheckText;
  out["checksum"] = report.checksum;
  out["reference_checksum"] = report.reference_checksum;
  out["final_row"] = report.final_row;
  out["reference_row"] = report.reference_row;
  out["wrong_cells"] = report.wrong_cells;
  out["stale_reads"] = report.stale_reads;
  json workers = json::array();
  for (const BarrierWorkerResult& w : report.workers)
    workers.push_back({{"worker", w.worker}, {"work_ms", w.work_ms}, {"stale_reads", w.stale_reads},
                       {"waited_ms", rounded_ms(w.waited_ms)}});
  out["per_worker"] = std::move(workers);
  json costs = json::array();
  for (const BarrierPhaseCost& c : report.phase_costs)
    costs.push_back({{"phase", c.phase}, {"start_ms", rounded_ms(c.start_ms)}, {"join_ms", rounded_ms(c.join_ms)}});
  out["phase_costs"] = std::move(costs);
  json events = json::array();
  for (const BarrierEvent& e : report.events)
    events.push_back({{"worker", e.worker}, {"phase", e.phase}, {"state", to_string(e.state)},
                      {"start_ms", rounded_ms(e.start_ms)}, {"end_ms", rounded_ms(e.end_ms)}});
  out["events"] = std::move(events);
  out["wall_ms"] = rounded_ms(report.wall_ms);
  out["platform"] = platform_json();
  return out;
}

}  // namespace playground
