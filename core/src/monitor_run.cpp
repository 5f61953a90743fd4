#include "monitor_runs.hpp"
#include "playground/errors.hpp"
#include "playground/monitor.hpp"
#include "playground/platform.hpp"

namespace playground {

MonitorLog::MonitorLog(const MonitorOptions& options, MonitorHooks hooks)
    : hooks_(std::move(hooks)), origin_ms_(now_ms()) {
  report_.options = options;
  report_.parent_pid = current_pid();
  report_.parent_tid = current_tid();
}

double MonitorLog::elapsed_ms() const { return now_ms() - origin_ms_; }

void MonitorLog::add(MonitorEvent event) {
  report_.events.push_back(std::move(event));
  if (hooks_.on_event) hooks_.on_event(report_.events.back());
}

MonitorReport MonitorLog::finish() {
  report_.wall_ms = elapsed_ms();
  return std::move(report_);
}

MonitorReport run_monitor(const MonitorOptions& options, const MonitorHooks& hooks) {
  validate_monitor_options(options);
  switch (options.mode) {
    case MonitorMode::Threads: return run_monitor_threads(options, hooks);
    case MonitorMode::Async: return run_monitor_async(options, hooks);
    case MonitorMode::Processes: break;
  }
  throw ArgumentError("--mode processes needs the native cplay (a browser has no processes); use threads or async here");
}

}  // namespace playground
