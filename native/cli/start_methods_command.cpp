#include "cli/start_methods_command.hpp"

#include <iostream>
#include <memory>
#include <string>

#include "playground/request.hpp"
#include "start_methods/start_methods.hpp"
#include "cli/start_methods_output.hpp"

namespace cplay {
namespace {

struct Flags {
  std::string workers;  // raw text: the core's parser gives the CLI's usual message
  CLI::Option* workers_option = nullptr;
  bool json = false;
};

int run(const Flags& flags) {
  StartMethodsOptions options;
  if (flags.workers_option->count() != 0) options.workers = playground::parse_numeric(flags.workers, kStartMethodsWorkers);
  const nlohmann::json report = run_start_methods(options);
  if (flags.json) std::cout << report.dump() << std::endl;
  else print_start_methods(std::cout, report);
  return 0;
}

}  // namespace

void add_start_methods_command(CLI::App& app, std::function<int()>& action) {
  CLI::App* command = app.add_subcommand(
      "start-methods", "fork vs spawn: what a worker inherits from its parent, and what starting one costs");
  // Owned by the callback, which lives as long as `app`.
  auto flags = std::make_shared<Flags>();
  flags->workers_option =
      command
          ->add_option("--workers", flags->workers,
                       "workers of each kind for the start+join cost; " + std::to_string(kStartMethodsWorkers.min) +
                           ".." + std::to_string(kStartMethodsWorkers.max) + ", default " +
                           std::to_string(kDefaultStartMethodsWorkers))
          ->type_name("N");
  command->add_flag("--json", flags->json, "print one JSON report instead of text");
  command->final_callback([&action, flags] { action = [flags] { return run(*flags); }; });
}

}  // namespace cplay
