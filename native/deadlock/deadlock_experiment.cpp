#include "deadlock/deadlock_experiment.hpp"

#include "deadlock/deadlock_processes.hpp"
#include "playground/deadlock_json.hpp"

namespace cplay {
namespace {
constexpr const char* kDeadlockExperiment = "deadlock";
}  // namespace

playground::DeadlockReport run_deadlock(const playground::DeadlockOptions& options) {
  return options.mode == playground::DeadlockMode::Processes ? run_deadlock_processes(options)
                                                             : playground::run_deadlock_threads(options);
}

nlohmann::json deadlock_task(const playground::DeadlockOptions& options) {
  return {{"experiment", kDeadlockExperiment}, {"options", playground::deadlock_options_to_json(options)}};
}

bool is_deadlock_task(const nlohmann::json& task) {
  return task.is_object() && task.contains("experiment") && task["experiment"] == kDeadlockExperiment;
}

}  // namespace cplay
