#include "cli/deadlock_command.hpp"

#include <iostream>
#include <memory>
#include <string>

#include "cli/experiment_flags.hpp"
#include "cli/deadlock_output.hpp"
#include "deadlock/deadlock_experiment.hpp"
#include "playground/deadlock.hpp"
#include "playground/deadlock_json.hpp"

namespace cplay {
namespace {

int run_deadlock_command(const ExperimentFlags& flags) {
  const nlohmann::json request = flags.request_json();
  const playground::DeadlockOptions options = playground::deadlock_options_from_json(request);
  const playground::DeadlockReport report = run_deadlock(options);
  if (flags.json_output()) std::cout << playground::deadlock_report_to_json(report).dump() << std::endl;
  else print_deadlock(std::cout, report);
  return report.deadlock ? 1 : 0;
}

}  // namespace

void add_deadlock_command(CLI::App& app, std::function<int()>& action) {
  CLI::App* command = app.add_subcommand(
      "deadlock", "workers take two locks in opposite orders: a watchdog finds the deadlock, reports it, ends the run");
  // Owned by the callback, which lives as long as `app`.
  auto flags = std::make_shared<ExperimentFlags>(*command, playground::deadlock_param_specs());
  command->footer("Exit status: 0 when every worker finished its rounds, 1 when the run deadlocked (the watchdog\n"
                  "reports the cycle and ends the run), 2 for bad input.");
  command->final_callback([&action, flags] { action = [flags] { return run_deadlock_command(*flags); }; });
}

}  // namespace cplay
