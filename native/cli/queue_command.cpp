#include "cli/queue_command.hpp"

#include <iostream>
#include <memory>
#include <string>

#include "cli/experiment_flags.hpp"
#include "cli/queue_output.hpp"
#include "playground/queue_catalog.hpp"
#include "playground/queue_json.hpp"
#include "queue/queue_experiment.hpp"

namespace cplay {
namespace {

// The queue's inputs, and --mode, which its table leaves to the command (its help says more).
struct Flags {
  explicit Flags(CLI::App& command) : inputs(command, playground::queue_param_specs()) {}
  ExperimentFlags inputs;
  std::string mode;
  CLI::Option* mode_option = nullptr;
};

int run_queue_command(const Flags& flags) {
  nlohmann::json body = flags.inputs.request_json();
  if (flags.mode_option->count() != 0) body["mode"] = flags.mode;
  const playground::QueueRequest request = playground::parse_queue_request(body);
  const QueueRunReport run = run_queue(request);
  if (flags.inputs.json_output()) std::cout << run.report.dump() << std::endl;
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
  auto flags = std::make_shared<Flags>(*command);  // owned by the callback, which lives as long as `app`
  flags->mode_option =
      command->add_option("--mode", flags->mode, "threads: a queue with a mutex and two condition variables; "
                                                 "processes: a pipe between processes; default threads")
          ->type_name("threads|processes");
  command->final_callback([&action, flags] { action = [flags] { return run_queue_command(*flags); }; });
}

}  // namespace cplay
