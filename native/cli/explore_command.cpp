#include "cli/explore_command.hpp"

#include <iostream>
#include <memory>
#include <string>

#include "cli/experiment_flags.hpp"
#include "cli/explore_output.hpp"
#include "playground/explore.hpp"

namespace cplay {
namespace {

struct ExploreFlags {
  ExploreFlags(CLI::App& command, playground::ExploreScenario scenario)
      : scenario(scenario), flags(command, playground::explore_param_specs(scenario)) {
    command.add_option("--schedule", schedule,
                       "replay one schedule instead: the worker of each step, e.g. 0,1,1,0 (a witness from the table)");
  }
  playground::ExploreScenario scenario;
  ExperimentFlags flags;
  std::string schedule;
};

int run_explore_command(const ExploreFlags& chosen) {
  nlohmann::json request = chosen.flags.request_json();
  request["scenario"] = playground::explore_scenario_names().name(chosen.scenario);
  if (!chosen.schedule.empty()) request["schedule"] = chosen.schedule;
  const playground::ExploreOptions options = playground::explore_options_from_json(request);
  if (auto schedule = playground::explore_schedule_from_json(request)) {
    const playground::ReplayReport report = playground::replay(options, *schedule);
    if (chosen.flags.json_output()) std::cout << playground::replay_report_to_json(report).dump() << std::endl;
    else print_replay(std::cout, report);
    return 0;
  }
  const playground::ExploreReport report = playground::explore(options);
  if (chosen.flags.json_output()) std::cout << playground::explore_report_to_json(report).dump() << std::endl;
  else print_exploration(std::cout, report);
  return 0;
}

constexpr const char* kScenarioSummaries[] = {
    "threads incrementing one counter: read then write, under a lock, or fetch_add",
    "two locks each, around a ring: opposite or consistent order, blocking or try-lock",
    "coroutines on one loop: read, await, write (or all under an asyncio.Lock)",
    "phases that read a neighbour's cell of the phase before: with a barrier, or none"};

}  // namespace

void add_explore_command(CLI::App& app, std::function<int()>& action) {
  CLI::App* explore = app.add_subcommand(
      "explore", "every interleaving of a tiny race, deadlock, async race or barrier, grouped by outcome");
  explore->require_subcommand(1);
  for (const auto& entry : playground::explore_scenario_names().entries()) {
    CLI::App* command = explore->add_subcommand(std::string(entry.name),
                                                kScenarioSummaries[static_cast<std::size_t>(entry.value)]);
    auto flags = std::make_shared<ExploreFlags>(*command, entry.value);
    command->footer("Exit status: 0 whatever the outcomes, 2 for bad input (a size over the state limit, a\n"
                    "schedule naming a worker that cannot move).");
    command->final_callback([&action, flags] { action = [flags] { return run_explore_command(*flags); }; });
  }
}

}  // namespace cplay
