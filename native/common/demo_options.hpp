#pragma once
#include <map>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "playground/request.hpp"

namespace cplay {
// A job's wall-clock budget in seconds: the CLI's --timeout-s and serve's --job-timeout-s.
inline const playground::ParamSpec kTimeoutSeconds{"timeout_s", "--timeout-s", 1, 3600};
// `cplay compare`'s runs per row: a compare option, not a request input; the core checks it the same way.
inline const playground::ParamSpec kCompareRepeat{"repeat", "--repeat", 1, 20};
}  // namespace cplay

namespace cplay {

// The flags of one demo subcommand, made from the core's catalog and kept as raw text: the core
// validates them, so the CLI, the server and the browser share one set of messages and ranges.
class DemoOptions {
 public:
  // `with_mode`: false for `compare`, which runs every mode itself.
  DemoOptions(CLI::App& app, playground::Demo demo, bool with_mode = true);

  // The request head the flags describe (only flags given on the command line are set).
  nlohmann::json request_json() const;
  bool json_output() const { return json_; }
  // compare only: how many times each mode runs (the fastest run is shown). Validated here.
  std::uint64_t repeat() const;
  // demo runs only: the wall-clock budget of each run from --timeout-s, in ms; 0 when not given.
  double timeout_ms() const;
  playground::Demo demo() const { return demo_; }

 private:
  // `default_text` replaces the catalog's default in the help (workers follow a rule).
  void add_param(CLI::App& app, const playground::ParamSpec& spec, const std::string& default_text = "");

  playground::Demo demo_;
  std::map<std::string, std::string> text_;  // key -> raw value
  std::map<std::string, CLI::Option*> given_;
  std::map<std::string, bool> switches_;
  bool json_ = false;
  std::string repeat_;
  CLI::Option* repeat_option_ = nullptr;
  std::string timeout_;
  CLI::Option* timeout_option_ = nullptr;
};

}  // namespace cplay
