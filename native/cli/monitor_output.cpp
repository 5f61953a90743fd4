#include "cli/monitor_output.hpp"

#include <cstdio>

namespace cplay {
namespace {

std::string seconds(double ms) {
  char text[32];
  std::snprintf(text, sizeof text, "t=%.2f s", ms / 1000.0);
  return text;
}

}  // namespace

std::string monitor_event_line(const playground::MonitorEvent& event) {
  using playground::MonitorEventKind;
  std::string line = seconds(event.t_ms) + "  ";
  switch (event.kind) {
    case MonitorEventKind::Started:
    case MonitorEventKind::Ended:
      return line + event.worker + " " + std::string(to_string(event.kind)) + "  pid " + std::to_string(event.pid) +
             " tid " + std::to_string(event.tid);
    case MonitorEventKind::Sample:
      for (std::size_t i = 0; i < event.workers.size(); ++i) {
        const auto& w = event.workers[i];
        line += (i == 0 ? "" : ", ") + w.worker + " pid " + std::to_string(w.pid) + (w.alive ? " alive" : " gone");
      }
      return line;
  }
  return line;
}

void print_monitor_summary(std::ostream& out, const playground::MonitorReport& report) {
  std::size_t samples = 0;
  for (const auto& event : report.events) samples += event.kind == playground::MonitorEventKind::Sample ? 1 : 0;
  const auto& options = report.options;
  out << options.durations_ms.size() << " workers (" << playground::monitor_mode_names().name(options.mode);
  if (options.mode == playground::MonitorMode::Processes)
    out << ", " << playground::monitor_start_method_names().name(options.start_method);
  out << "), parent pid " << report.parent_pid << ": " << samples << " samples every " << options.interval_ms
      << " ms, wall " << seconds(report.wall_ms).substr(2) << std::endl;
}

}  // namespace cplay
