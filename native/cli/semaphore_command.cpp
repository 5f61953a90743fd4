#include "cli/semaphore_command.hpp"

#include <iostream>
#include <memory>
#include <string>

#include "cli/experiment_flags.hpp"
#include "cli/semaphore_output.hpp"
#include "playground/semaphore.hpp"
#include "playground/semaphore_json.hpp"

namespace cplay {
namespace {

int run_semaphore_command(const ExperimentFlags& flags) {
  const nlohmann::json request = flags.request_json();
  const playground::SemaphoreReport report = playground::run_semaphore(playground::semaphore_options_from_json(request));
  if (flags.json_output()) std::cout << playground::semaphore_report_to_json(report).dump() << std::endl;
  else print_semaphore(std::cout, report);
  return 0;
}

}  // namespace

void add_semaphore_command(CLI::App& app, std::function<int()>& action) {
  CLI::App* command = app.add_subcommand(
      "semaphore", "N downloads, at most K at once (a counting semaphore): the timeline, the most in flight, N/K x latency");
  // Owned by the callback, which lives as long as `app`.
  auto flags = std::make_shared<ExperimentFlags>(*command, playground::semaphore_param_specs());
  command->footer("Limits: --limit at most --tasks; ceil(--tasks / --limit) x --latency-ms, and with --sweep its sum over\n"
                  "K = 1 .. --tasks, at most " + std::to_string(playground::kMaxSemaphoreIdealMs) +
                  " ms. Exit status: 0 when the run finished, 1 when it failed, 2 for bad input.");
  command->final_callback([&action, flags] { action = [flags] { return run_semaphore_command(*flags); }; });
}

}  // namespace cplay
