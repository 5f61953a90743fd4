#include "monitor/monitor_experiment.hpp"

#include "monitor/monitor_processes.hpp"
#include "playground/monitor_json.hpp"
#include "processes/cancel_signals.hpp"

namespace cplay {
namespace {
constexpr const char* kMonitorExperiment = "monitor";
}  // namespace

nlohmann::json monitor_task(const playground::MonitorOptions& options) {
  return {{"experiment", kMonitorExperiment}, {"options", playground::monitor_options_to_json(options)}};
}

bool is_monitor_task(const nlohmann::json& task) {
  return task.is_object() && task.contains("experiment") && task["experiment"] == kMonitorExperiment;
}

playground::MonitorReport run_monitor_native(const playground::MonitorOptions& options, playground::MonitorHooks hooks,
                                             const std::string& executable) {
  CancelSignals signals;  // Ctrl-C becomes a cancel the run's loop notices
  auto outer = std::move(hooks.cancelled);
  hooks.cancelled = [&signals, outer] { return signals.received().has_value() || (outer && outer()); };
  if (options.mode == playground::MonitorMode::Processes) return run_monitor_processes(options, hooks, executable);
  return playground::run_monitor(options, hooks);
}

}  // namespace cplay
