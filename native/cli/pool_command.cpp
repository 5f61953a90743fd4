#include "cli/pool_command.hpp"

#include <iostream>
#include <memory>
#include <string>

#include "cli/experiment_flags.hpp"
#include "cli/pool_output.hpp"
#include "playground/pool.hpp"
#include "playground/pool_json.hpp"
#include "pool/pool_experiment.hpp"

namespace cplay {
namespace {

int run_pool_command(const ExperimentFlags& flags) {
  const nlohmann::json request = flags.request_json();
  const playground::PoolReport report = run_pool_experiment(playground::pool_options_from_json(request));
  if (flags.json_output()) std::cout << playground::pool_report_to_json(report).dump() << std::endl;
  else print_pool(std::cout, report);
  return report.pool.correct && report.fresh.correct ? 0 : 1;
}

}  // namespace

void add_pool_command(CLI::App& app, std::function<int()>& action) {
  CLI::App* command = app.add_subcommand(
      "pool", "M small tasks on W reused workers against a fresh worker per task: the start cost paid W times or M times");
  // Owned by the callback, which lives as long as `app`.
  auto flags = std::make_shared<ExperimentFlags>(*command, playground::pool_param_specs());
  command->footer("Limits: --workers at most --tasks; --tasks x --work at most " +
                  std::to_string(playground::kMaxPoolTotalWork) +
                  ".\nExit status: 0 when every task's result was right in both strategies, 1 when one was wrong or "
                  "the run failed, 2 for bad input.");
  command->final_callback([&action, flags] { action = [flags] { return run_pool_command(*flags); }; });
}

}  // namespace cplay
