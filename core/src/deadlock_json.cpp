#include "playground/deadlock_json.hpp"

#include <string>

#include "playground/deadlock_board.hpp"
#include "experiment_json.hpp"
#include "playground/errors.hpp"
#include "playground/report_json.hpp"

namespace playground {
namespace {

using json = nlohmann::json;
using experiment_json::parse_choice;
using experiment_json::rounded_ms;

// What the watchdog does, for the report: a reader should not have to guess.
constexpr const char* kDetectionText =
    "a watchdog samples the wait-for graph (each lock's owner, each worker's awaited lock) and calls a deadlock "
    "when the same cycle, with the same waits, is there in two samples in a row; the workers wait in timed lock "
    "attempts that check a cancel flag, so the watchdog's cancel makes them let go and end";

}  // namespace

DeadlockOptions deadlock_options_from_json(const json& request) {
  DeadlockOptions options;
  experiment_json::read_fields(
      request, R"({"workers": 2, "order": "opposite"})", "mode, workers, order, strategy, rounds, hold_ms",
      [&options](const std::string& key, const json& value) {
        if (key == "mode") options.mode = parse_choice(value, deadlock_mode_names(), deadlock_param_spec(key).flag);
        else if (key == "order") options.order = parse_choice(value, lock_order_names(), deadlock_param_spec(key).flag);
        else if (key == "strategy")
          options.strategy = parse_choice(value, lock_strategy_names(), deadlock_param_spec(key).flag);
        else if (key == "workers") options.workers = parse_numeric(value, deadlock_param_spec(key));
        else if (key == "rounds") options.rounds = parse_numeric(value, deadlock_param_spec(key));
        else if (key == "hold_ms") options.hold_ms = parse_numeric(value, deadlock_param_spec(key));
        else return false;
        return true;
      });
  validate_deadlock_options(options);
  return options;
}

json deadlock_options_to_json(const DeadlockOptions& options) {
  return {{"mode", deadlock_mode_names().name(options.mode)},
          {"workers", options.workers},
          {"order", lock_order_names().name(options.order)},
          {"strategy", lock_strategy_names().name(options.strategy)},
          {"rounds", options.rounds},
          {"hold_ms", options.hold_ms}};
}

json deadlock_report_to_json(const DeadlockReport& report) {
  json out = experiment_json::report_head("deadlock", deadlock_options_to_json(report.options));
  out["detection"] = {{"method", "watchdog"},
                      {"how", kDetectionText},
                      {"sample_ms", kWatchdogSampleMs},
                      {"lock_attempt_ms", kLockAttemptMs},
                      {"samples", report.watchdog_samples}};
  out["deadlock"] = report.deadlock;
  out["detected_ms"] = report.detected_ms ? json(rounded_ms(*report.detected_ms)) : json(nullptr);
  json cycle = json::array();
  for (const WaitLink& link : report.cycle)
    cycle.push_back({{"worker", link.worker}, {"holds", link.holds}, {"waits_for", link.waits_for}, {"held_by", link.held_by}});
  out["cycle"] = std::move(cycle);
  json workers = json::array();
  std::uint64_t rounds = 0;
  std::uint64_t retries = 0;
  for (const DeadlockWorkerResult& w : report.workers) {
    workers.push_back({{"worker", w.worker},
                       {"first_lock", w.first_lock},
                       {"second_lock", w.second_lock},
                       {"rounds_completed", w.rounds_completed},
                       {"retries", w.retries},
                       {"gave_up", w.gave_up}});
    rounds += w.rounds_completed;
    retries += w.retries;
  }
  out["per_worker"] = std::move(workers);
  out["rounds_completed"] = rounds;
  out["retries"] = retries;
  out["wall_ms"] = rounded_ms(report.wall_ms);
  json spans = json::array();
  for (const Span& s : report.spans)
    spans.push_back({{"worker", s.worker}, {"pid", s.pid}, {"tid", s.tid}, {"start_ms", rounded_ms(s.start_ms)},
                     {"end_ms", rounded_ms(s.end_ms)}, {"items", s.items}});
  out["spans"] = std::move(spans);
  json events = json::array();
  for (const Event& e : report.events)
    events.push_back({{"worker", e.worker}, {"state", to_string(e.state)}, {"start_ms", rounded_ms(e.start_ms)},
                      {"end_ms", rounded_ms(e.end_ms)}});
  out["events"] = std::move(events);
  out["events_truncated"] = report.events_truncated;
  out["platform"] = platform_json();
  return out;
}

}  // namespace playground
