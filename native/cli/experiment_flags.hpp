#pragma once
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "playground/catalog.hpp"

namespace cplay {

// One line of --help for a catalog input: its words, its default and its range.
std::string param_help(const playground::ParamSpec& spec);

// The flags of one experiment subcommand, made from its table in the core's catalog and kept as
// raw text: the core parses them, so the CLI and the API give the same messages and ranges.
class ExperimentFlags {
 public:
  ExperimentFlags(CLI::App& command, const std::vector<playground::ParamSpec>& specs);

  // The experiment's request: only the flags given on the command line.
  nlohmann::json request_json() const;
  bool json_output() const { return json_; }

 private:
  std::map<std::string, std::string> text_;  // key -> raw value
  std::map<std::string, CLI::Option*> given_;
  std::map<std::string, bool> switches_;
  bool json_ = false;
};

}  // namespace cplay
