#include <array>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "playground/errors.hpp"
#include "playground/monitor.hpp"

namespace playground {
namespace {

constexpr std::array<Named<MonitorMode>, 3> kMonitorModes{
    {{MonitorMode::Threads, "threads"}, {MonitorMode::Processes, "processes"}, {MonitorMode::Async, "async"}}};
constexpr NameTable<MonitorMode> kMonitorModeNames{kMonitorModes};
constexpr std::array<Named<StartMethod>, 2> kMonitorStartMethods{{{StartMethod::Fork, "fork"}, {StartMethod::Spawn, "spawn"}}};
constexpr NameTable<StartMethod> kMonitorStartMethodNames{kMonitorStartMethods};

constexpr const char* kDurationsHelp =
    "how long each worker waits, in ms, comma-separated: one worker per value, named A, B, C...";

// The defaults are MonitorOptions' initializers, written down once.
std::vector<ParamSpec> make_monitor_specs() {
  using enum ParamKind;
  const MonitorOptions defaults{};
  return {
      {.key = "mode", .flag = "--mode", .kind = Choice, .choices = kMonitorModeNames.names(),
       .default_choice = kMonitorModeNames.name(defaults.mode),
       .help = "threads: a std::thread each; processes: a child process each; async: a coroutine each on one event loop"},
      {.key = "start_method", .flag = "--start-method", .kind = Choice, .choices = kMonitorStartMethodNames.names(),
       .default_choice = kMonitorStartMethodNames.name(defaults.start_method),
       .help = "processes mode: fork, or spawn (posix_spawn of cplay itself)"},
      {.key = "interval_ms", .flag = "--interval-ms", .min = 50, .max = 5000, .default_number = defaults.interval_ms,
       .help = "how often the parent checks who is alive, in ms"},
  };
}

std::string durations_text(const std::vector<std::uint64_t>& durations) {
  std::string text;
  for (std::uint64_t d : durations) {
    if (!text.empty()) text += ',';
    text += std::to_string(d);
  }
  return text;
}

}  // namespace

const NameTable<MonitorMode>& monitor_mode_names() { return kMonitorModeNames; }
const NameTable<StartMethod>& monitor_start_method_names() { return kMonitorStartMethodNames; }

const std::vector<ParamSpec>& monitor_param_specs() {
  static const std::vector<ParamSpec> specs = make_monitor_specs();
  return specs;
}

const ParamSpec& monitor_param_spec(std::string_view key) {
  for (const auto& spec : monitor_param_specs())
    if (spec.key == key) return spec;
  throw std::logic_error("no monitor parameter " + std::string(key));
}

std::string monitor_worker_name(std::size_t index) {
  return std::string(1, static_cast<char>('A' + index % 26));
}

std::string_view to_string(MonitorEventKind kind) {
  switch (kind) {
    case MonitorEventKind::Started: return "started";
    case MonitorEventKind::Ended: return "ended";
    case MonitorEventKind::Sample: return "sample";
  }
  return "?";
}

void validate_monitor_options(const MonitorOptions& options) {
  const auto& durations = options.durations_ms;
  bool fits = !durations.empty() && durations.size() <= kMaxMonitorWorkers;
  for (std::uint64_t d : durations) fits = fits && d <= kMaxMonitorDurationMs;
  if (!fits)
    throw ArgumentError(std::string(kMonitorDurationsFlag) + " must be 1 to " + std::to_string(kMaxMonitorWorkers) +
                        " comma-separated integers from 0 to " + std::to_string(kMaxMonitorDurationMs) + " (got " +
                        (durations.empty() ? std::string("none") : durations_text(durations)) + ")");
  const ParamSpec& interval = monitor_param_spec("interval_ms");
  if (options.interval_ms < interval.min || options.interval_ms > interval.max)
    throw ArgumentError(std::string(interval.flag) + " must be an integer from " + std::to_string(interval.min) + " to " +
                        std::to_string(interval.max) + " (got " + std::to_string(options.interval_ms) + ")");
}

nlohmann::json monitor_catalog_to_json() {
  const MonitorOptions defaults{};
  nlohmann::json durations = {{"key", "durations_ms"},
                              {"flag", kMonitorDurationsFlag},
                              {"kind", "integer_list"},
                              {"help", kDurationsHelp},
                              {"min", 0},
                              {"max", kMaxMonitorDurationMs},
                              {"min_items", 1},
                              {"max_items", kMaxMonitorWorkers},
                              {"default", defaults.durations_ms}};
  return {{"modes", kMonitorModeNames.names()},
          {"start_methods", kMonitorStartMethodNames.names()},
          {"params", experiment_params_to_json(monitor_param_specs())},
          {"lists", nlohmann::json::array({std::move(durations)})}};
}

}  // namespace playground
