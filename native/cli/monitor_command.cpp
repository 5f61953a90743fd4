#include "cli/monitor_command.hpp"

#include <iostream>
#include <memory>
#include <string>

#include "cli/experiment_flags.hpp"
#include "cli/monitor_output.hpp"
#include "monitor/monitor_experiment.hpp"
#include "playground/monitor.hpp"
#include "playground/monitor_json.hpp"

namespace cplay {
namespace {

struct MonitorFlags {
  MonitorFlags(CLI::App& command) : flags(command, playground::monitor_param_specs()) {
    const playground::MonitorOptions defaults{};
    std::string default_text;
    for (std::uint64_t d : defaults.durations_ms) default_text += (default_text.empty() ? "" : ",") + std::to_string(d);
    // A list, which the catalog keeps under experiments.monitor.lists: the core parses the text.
    durations = command.add_option(std::string(playground::kMonitorDurationsFlag), durations_text,
                                   "how long each worker waits, in ms, comma-separated: one worker each, A, B, C... "
                                   "(default " + default_text + "); 1.." + std::to_string(playground::kMaxMonitorWorkers) +
                                       " values, each 0.." + std::to_string(playground::kMaxMonitorDurationMs))
                    ->type_name("MS,MS,...");
  }
  ExperimentFlags flags;
  std::string durations_text;
  CLI::Option* durations = nullptr;
};

int run_monitor_command(const MonitorFlags& given) {
  nlohmann::json request = given.flags.request_json();
  if (given.durations->count() != 0) request["durations_ms"] = given.durations_text;
  const playground::MonitorOptions options = playground::monitor_options_from_json(request);
  const bool json = given.flags.json_output();
  playground::MonitorHooks hooks;
  // Each event leaves as it happens: std::endl flushes, on a terminal or a pipe alike.
  hooks.on_event = [json](const playground::MonitorEvent& event) {
    if (json) std::cout << playground::monitor_event_to_json(event).dump() << std::endl;
    else std::cout << monitor_event_line(event) << std::endl;
  };
  const playground::MonitorReport report = run_monitor_native(options, std::move(hooks));
  if (json) std::cout << playground::monitor_report_to_json(report).dump() << std::endl;
  else print_monitor_summary(std::cout, report);
  return 0;
}

}  // namespace

void add_monitor_command(CLI::App& app, std::function<int()>& action) {
  CLI::App* command = app.add_subcommand(
      "monitor", "workers A, B, ... (threads, processes or coroutines) report start and end while the parent checks who is alive");
  // Owned by the callback, which lives as long as `app`.
  auto flags = std::make_shared<MonitorFlags>(*command);
  command->footer("With --json: one JSON line per event as it happens (started, ended, sample), then the report.\n"
                  "Ctrl-C stops every worker and reaps every child. Exit status: 0 when the run finished, 1 when it failed,\n"
                  "130 when cancelled, 2 for bad input.");
  command->final_callback([&action, flags] { action = [flags] { return run_monitor_command(*flags); }; });
}

}  // namespace cplay
