#include "cli/queue_command.hpp"

#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "cli/queue_output.hpp"
#include "playground/queue_catalog.hpp"
#include "playground/queue_json.hpp"
#include "queue/queue_experiment.hpp"

namespace cplay {
namespace {

struct Flags {
  std::string mode;
  CLI::Option* mode_option = nullptr;
  // Raw text per request key: the core's parser gives the same messages as the API.
  std::map<std::string, std::string> values;
  std::map<std::string, CLI::Option*> options;
  bool json = false;
};

std::string option_help(const playground::ParamSpec& spec) {
  std::string help(spec.help);
  if (spec.kind == playground::ParamKind::Choice) return help + "; default " + std::string(spec.default_choice);
  return help + "; " + std::to_string(spec.min) + ".." + std::to_string(spec.max) + ", default " +
         std::to_string(*spec.default_number);
}

int run(const Flags& flags) {
  nlohmann::json body = nlohmann::json::object();
  if (flags.mode_option->count() != 0) body["mode"] = flags.mode;
  for (const auto& [key, option] : flags.options)
    if (option->count() != 0) body[key] = flags.values.at(key);
  const playground::QueueRequest request = playground::parse_queue_request(body);
  const QueueRunReport run = run_queue(request);
  if (flags.json) std::cout << run.report.dump() << std::endl;
  else print_queue(std::cout, run.report);
  if (run.deadlock) {
    std::cerr << "cplay: " << run.deadlock_message << std::endl;
    return 1;
  }
  return 0;
}

}  // namespace

void add_queue_command(CLI::App& app, std::function<int()>& action) {
  CLI::App* command = app.add_subcommand(
      "queue", "producers and consumers through a bounded queue: threads, or processes and a real pipe");
  auto flags = std::make_shared<Flags>();  // owned by the callback, which lives as long as `app`
  flags->mode_option =
      command->add_option("--mode", flags->mode, "threads: a queue with a mutex and two condition variables; "
                                                 "processes: a pipe between processes; default threads")
          ->type_name("threads|processes");
  for (const playground::ParamSpec& spec : playground::queue_param_specs()) {
    const std::string key(spec.key);
    CLI::Option* option = command->add_option(std::string(spec.flag), flags->values[key], option_help(spec));
    option->type_name(spec.kind == playground::ParamKind::Choice ? playground::queue_order_names().list() : "N");
    flags->options[key] = option;
  }
  command->add_flag("--json", flags->json, "print one JSON report instead of text");
  command->final_callback([&action, flags] { action = [flags] { return run(*flags); }; });
}

}  // namespace cplay
