#include "cli/semaphore_command.hpp"

#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "cli/semaphore_output.hpp"
#include "playground/semaphore.hpp"
#include "playground/semaphore_json.hpp"

namespace cplay {
namespace {

struct Flags {
  std::map<std::string, std::string> text;  // raw flag text: the core gives the usual messages
  std::map<std::string, CLI::Option*> given;
  bool sweep = false;
  bool json = false;
};

int run(const Flags& flags) {
  nlohmann::json request = nlohmann::json::object();
  for (const auto& [key, option] : flags.given)
    if (option->count() != 0) request[key] = flags.text.at(key);
  if (flags.sweep) request["sweep"] = true;
  const playground::SemaphoreReport report = playground::run_semaphore(playground::semaphore_options_from_json(request));
  if (flags.json) std::cout << playground::semaphore_report_to_json(report).dump() << std::endl;
  else print_semaphore(std::cout, report);
  return 0;
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

void add_semaphore_command(CLI::App& app, std::function<int()>& action) {
  CLI::App* command = app.add_subcommand(
      "semaphore", "N downloads, at most K at once (a counting semaphore): the timeline, the most in flight, N/K x latency");
  auto flags = std::make_shared<Flags>();  // owned by the callback, which lives as long as `app`
  for (const auto& spec : playground::semaphore_param_specs()) {
    const std::string key(spec.key);
    if (spec.kind == playground::ParamKind::Flag) {
      command->add_flag(std::string(spec.flag), flags->sweep, std::string(spec.help));
      continue;
    }
    std::string choices;
    for (auto choice : spec.choices) {
      if (!choices.empty()) choices += '|';
      choices += choice;
    }
    flags->given[key] = command->add_option(std::string(spec.flag), flags->text[key], help_of(spec))
                            ->type_name(spec.kind == playground::ParamKind::Choice ? choices : "N");
  }
  command->footer("Limits: --limit at most --tasks; ceil(--tasks / --limit) x --latency-ms, and with --sweep its sum over\n"
                  "K = 1 .. --tasks, at most " + std::to_string(playground::kMaxSemaphoreIdealMs) +
                  " ms. Exit status: 0 when the run finished, 1 when it failed, 2 for bad input.");
  command->add_flag("--json", flags->json, "print one JSON report instead of text");
  command->final_callback([&action, flags] { action = [flags] { return run(*flags); }; });
}

}  // namespace cplay
