#include "cli/async_command.hpp"

#include <iostream>
#include <memory>

#include "cli/async_output.hpp"
#include "cli/experiment_flags.hpp"
#include "playground/async_control.hpp"
#include "playground/async_control_json.hpp"

namespace cplay {
namespace {

int run_async_command(const ExperimentFlags& flags) {
  const nlohmann::json request = flags.request_json();
  const playground::AsyncControlReport report = playground::run_async_control(playground::async_options_from_json(request));
  if (flags.json_output()) std::cout << playground::async_report_to_json(report).dump() << std::endl;
  else print_async(std::cout, report);
  // Lost updates are a wrong count, as a barrier's wrong cells are: the report shows them, the
  // exit status says so.
  return report.exact() ? 0 : 1;
}

}  // namespace

void add_async_command(CLI::App& app, std::function<int()>& action) {
  CLI::App* command = app.add_subcommand(
      "async", "one event loop: gather results, cancel a waiting task, time out a slow one, a race across an await");
  // Owned by the callback, which lives as long as `app`.
  auto flags = std::make_shared<ExperimentFlags>(*command, playground::async_param_specs());
  command->footer("Exit status: 0 when every scenario ran and the race (if run) kept every update, 1 when the race\n"
                  "lost updates (--sync none with 2 or more tasks: the lesson, shown) or the run failed, 2 for bad input.");
  command->final_callback([&action, flags] { action = [flags] { return run_async_command(*flags); }; });
}

}  // namespace cplay
