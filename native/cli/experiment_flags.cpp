#include "cli/experiment_flags.hpp"

namespace cplay {

using playground::ParamKind;
using playground::ParamSpec;

std::string param_help(const ParamSpec& spec) {
  // Built by appending: GCC 12 warns falsely (-Wrestrict) about "literal" + std::string.
  std::string help(spec.help);
  if (spec.kind == ParamKind::Flag) return help;
  help += " (default ";
  if (spec.kind == ParamKind::Choice) return (help += spec.default_choice) += ")";
  if (spec.default_number) help += std::to_string(*spec.default_number);
  help += "); ";
  help += std::to_string(spec.min);
  help += "..";
  return help += std::to_string(spec.max);
}

ExperimentFlags::ExperimentFlags(CLI::App& command, const std::vector<ParamSpec>& specs) {
  for (const ParamSpec& spec : specs) {
    const std::string key(spec.key);
    const std::string flag(spec.flag);
    if (spec.kind == ParamKind::Flag) {
      command.add_flag(flag, switches_[key], param_help(spec));
      continue;
    }
    std::string type = "N";
    if (spec.kind == ParamKind::Choice) {
      type.clear();
      for (auto choice : spec.choices) {
        if (!type.empty()) type += '|';
        type += choice;
      }
    }
    given_[key] = command.add_option(flag, text_[key], param_help(spec))->type_name(type);
  }
  command.add_flag("--json", json_, "print one JSON report instead of text");
}

nlohmann::json ExperimentFlags::request_json() const {
  nlohmann::json request = nlohmann::json::object();
  for (const auto& [key, option] : given_)
    if (option->count() != 0) request[key] = text_.at(key);
  for (const auto& [key, on] : switches_)
    if (on) request[key] = true;
  return request;
}

}  // namespace cplay
