#include "cli/deadlock_command.hpp"

#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "cli/deadlock_output.hpp"
#include "deadlock/deadlock_experiment.hpp"
#include "playground/deadlock.hpp"
#include "playground/deadlock_json.hpp"

namespace cplay {
namespace {

struct Flags {
  std::map<std::string, std::string> text;  // raw flag text: the core gives the usual messages
  std::map<std::string, CLI::Option*> given;
  bool json = false;
};

int run(const Flags& flags) {
  nlohmann::json request = nlohmann::json::object();
  for (const auto& [key, option] : flags.given)
    if (option->count() != 0) request[key] = flags.text.at(key);
  const playground::DeadlockOptions options = playground::deadlock_options_from_json(request);
  const playground::DeadlockReport report = run_deadlock(options);
  if (flags.json) std::cout << playground::deadlock_report_to_json(report).dump() << std::endl;
  else print_deadlock(std::cout, report);
  return report.deadlock ? 1 : 0;
}

std::string help_of(const playground::ParamSpec& spec) {
  // Built by appending: GCC 12 warns falsely (-Wrestrict) about "literal" + std::string.
  std::string help(spec.help);
  help += " (default ";
  if (spec.kind == playground::ParamKind::Choice) return (help += spec.default_choice) += ")";
  help += std::to_string(*spec.default_number);
  help += "); ";
  help += std::to_string(spec.min);
  help += "..";
  return help += std::to_string(spec.max);
}

}  // namespace

void add_deadlock_command(CLI::App& app, std::function<int()>& action) {
  CLI::App* command = app.add_subcommand(
      "deadlock", "workers take two locks in opposite orders: a watchdog finds the deadlock, reports it, ends the run");
  auto flags = std::make_shared<Flags>();  // owned by the callback, which lives as long as `app`
  for (const auto& spec : playground::deadlock_param_specs()) {
    const std::string key(spec.key);
    std::string choices;
    for (auto choice : spec.choices) {
      if (!choices.empty()) choices += '|';
      choices += choice;
    }
    flags->given[key] = command->add_option(std::string(spec.flag), flags->text[key], help_of(spec))
                            ->type_name(spec.kind == playground::ParamKind::Choice ? choices : "N");
  }
  command->footer("Exit status: 0 when every worker finished its rounds, 1 when the run deadlocked (the watchdog\n"
                  "reports the cycle and ends the run), 2 for bad input.");
  command->add_flag("--json", flags->json, "print one JSON report instead of text");
  command->final_callback([&action, flags] { action = [flags] { return run(*flags); }; });
}

}  // namespace cplay
