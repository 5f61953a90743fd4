#include "playground/monitor_json.hpp"

#include <charconv>
#include <string>
#include <string_view>

#include "experiment_json.hpp"
#include "playground/errors.hpp"
#include "playground/request.hpp"

namespace playground {
namespace {

using json = nlohmann::json;
using experiment_json::parse_choice;
using experiment_json::rounded_ms;
using experiment_json::shown;

[[noreturn]] void bad_durations(const json& value) {
  throw ArgumentError(std::string(kMonitorDurationsFlag) + " must be 1 to " + std::to_string(kMaxMonitorWorkers) +
                      " comma-separated integers from 0 to " + std::to_string(kMaxMonitorDurationMs) + " (got " +
                      shown(value) + ")");
}

std::uint64_t duration_item(std::string_view text, const json& whole) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value > kMaxMonitorDurationMs)
    bad_durations(whole);
  return value;
}

// An array of integers (or digit strings), or the CLI's "2000,3000"; bounded before it is split.
std::vector<std::uint64_t> parse_durations(const json& value) {
  std::vector<std::uint64_t> out;
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (text.size() > 100) bad_durations(value);
    std::string_view rest = text;
    for (;;) {
      const auto comma = rest.find(',');
      out.push_back(duration_item(rest.substr(0, comma), value));
      if (out.size() > kMaxMonitorWorkers) bad_durations(value);
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  } else if (value.is_array() && !value.empty() && value.size() <= kMaxMonitorWorkers) {
    for (const json& item : value) {
      if (item.is_number_integer()) {  // signed storage does not mean negative (C++-built JSON)
        const auto number = item.get<std::int64_t>();
        if (number < 0 || static_cast<std::uint64_t>(number) > kMaxMonitorDurationMs) bad_durations(value);
        out.push_back(static_cast<std::uint64_t>(number));
      } else if (item.is_string()) {
        out.push_back(duration_item(item.get_ref<const std::string&>(), value));
      } else {
        bad_durations(value);
      }
    }
  } else {
    bad_durations(value);
  }
  return out;
}

// How the report's liveness was measured: a reader should not have to guess.
std::string measured_text(MonitorMode mode) {
  switch (mode) {
    case MonitorMode::Threads:
      return "each thread sets its alive flag and reports 'started' under one lock, waits its duration, then clears "
             "the flag and reports 'ended' under the same lock; the parent takes each sample under that lock, after "
             "emitting every report before it, and joins every thread at the end";
    case MonitorMode::Processes:
      return "each child reports 'started' (its own pid and tid) on a pipe, waits its duration and reports its end; "
             "the parent samples with waitpid(WNOHANG): a child is alive until it has exited, and its 'ended' event "
             "is emitted when the parent reaps it; no sample is taken before every child has reported its start";
    case MonitorMode::Async:
      return "each coroutine reports 'started', sleeps its duration on the event loop and reports 'ended'; a sampler "
             "coroutine on the same loop reads each task's state (finished or not) at every interval";
  }
  return "";
}

}  // namespace

MonitorOptions monitor_options_from_json(const json& request) {
  MonitorOptions options;
  experiment_json::read_fields(
      request, R"({"durations_ms": [2000, 3000], "interval_ms": 1000})", "mode, start_method, durations_ms, interval_ms",
      [&options](const std::string& key, const json& value) {
        if (key == "mode") options.mode = parse_choice(value, monitor_mode_names(), "--mode");
        else if (key == "start_method")
          options.start_method = parse_choice(value, monitor_start_method_names(), "--start-method");
        else if (key == "durations_ms") options.durations_ms = parse_durations(value);
        else if (key == "interval_ms") options.interval_ms = parse_numeric(value, monitor_param_spec(key));
        else return false;
        return true;
      });
  validate_monitor_options(options);
  return options;
}

json monitor_options_to_json(const MonitorOptions& options) {
  return {{"mode", monitor_mode_names().name(options.mode)},
          {"start_method", monitor_start_method_names().name(options.start_method)},
          {"durations_ms", options.durations_ms},
          {"interval_ms", options.interval_ms}};
}

json monitor_event_to_json(const MonitorEvent& event) {
  json out = {{"event", to_string(event.kind)}, {"t_ms", rounded_ms(event.t_ms)}};
  if (event.kind == MonitorEventKind::Sample) {
    json workers = json::array();
    for (const MonitorAlive& w : event.workers)
      workers.push_back({{"worker", w.worker}, {"pid", w.pid}, {"alive", w.alive}});
    out["workers"] = std::move(workers);
  } else {
    out["worker"] = event.worker;
    out["pid"] = event.pid;
    out["tid"] = event.tid;
  }
  return out;
}

json monitor_report_to_json(const MonitorReport& report) {
  json events = json::array();
  std::size_t samples = 0;
  for (const MonitorEvent& event : report.events) {
    events.push_back(monitor_event_to_json(event));
    samples += event.kind == MonitorEventKind::Sample ? 1 : 0;
  }
  return {{"schema", 1},
          {"experiment", "monitor"},
          {"options", monitor_options_to_json(report.options)},
          {"measured", measured_text(report.options.mode)},
          {"parent", {{"pid", report.parent_pid}, {"tid", report.parent_tid}}},
          {"samples", samples},
          {"wall_ms", rounded_ms(report.wall_ms)},
          {"events", std::move(events)}};
}

}  // namespace playground
