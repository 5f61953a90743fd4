#include "cli/barrier_command.hpp"

#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "cli/barrier_output.hpp"
#include "playground/barrier.hpp"
#include "playground/barrier_json.hpp"

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
  const playground::BarrierOptions options = playground::barrier_options_from_json(request);
  const playground::BarrierReport report = playground::run_barrier_threads(options);
  if (flags.json) std::cout << playground::barrier_report_to_json(report).dump() << std::endl;
  else print_barrier(std::cout, report);
  return report.correct() ? 0 : 1;
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

void add_barrier_command(CLI::App& app, std::function<int()>& action) {
  CLI::App* command = app.add_subcommand(
      "barrier", "workers compute phases that read the phase before: a barrier, joining per phase, or no waiting");
  auto flags = std::make_shared<Flags>();  // owned by the callback, which lives as long as `app`
  for (const auto& spec : playground::barrier_param_specs()) {
    const std::string key(spec.key);
    std::string choices;
    for (auto choice : spec.choices) {
      if (!choices.empty()) choices += '|';
      choices += choice;
    }
    flags->given[key] = command->add_option(std::string(spec.flag), flags->text[key], help_of(spec))
                            ->type_name(spec.kind == playground::ParamKind::Choice ? choices : "N");
  }
  command->footer("Exit status: 0 when every cell matches the sequential reference, 1 when the answer is wrong\n"
                  "(phases overlapped and read unwritten cells), 2 for bad input.");
  command->add_flag("--json", flags->json, "print one JSON report instead of text");
  command->final_callback([&action, flags] { action = [flags] { return run(*flags); }; });
}

}  // namespace cplay
