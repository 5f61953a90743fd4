#include "cli/start_methods_command.hpp"

#include <iostream>
#include <memory>

#include "cli/experiment_flags.hpp"
#include "cli/start_methods_output.hpp"
#include "playground/start_methods_catalog.hpp"
#include "start_methods/start_methods.hpp"

namespace cplay {
namespace {

int run_start_methods_command(const ExperimentFlags& flags) {
  // The API's parser: the CLI and POST /api/start-methods refuse the same input with the same words.
  const StartMethodsOptions options = start_methods_options_from_json(flags.request_json());
  const nlohmann::json report = run_start_methods(options);
  if (flags.json_output()) std::cout << report.dump() << std::endl;
  else print_start_methods(std::cout, report);
  return 0;
}

}  // namespace

void add_start_methods_command(CLI::App& app, std::function<int()>& action) {
  CLI::App* command = app.add_subcommand(
      "start-methods", "fork vs spawn: what a worker inherits from its parent, and what starting one costs");
  // Owned by the callback, which lives as long as `app`.
  auto flags = std::make_shared<ExperimentFlags>(*command, playground::start_methods_param_specs());
  command->final_callback([&action, flags] { action = [flags] { return run_start_methods_command(*flags); }; });
}

}  // namespace cplay
