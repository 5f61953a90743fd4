#include "semaphore/semaphore_experiment.hpp"

#include "playground/semaphore_json.hpp"

namespace cplay {
namespace {
constexpr const char* kSemaphoreExperiment = "semaphore";
}  // namespace

nlohmann::json semaphore_task(const playground::SemaphoreOptions& options) {
  return {{"experiment", kSemaphoreExperiment}, {"options", playground::semaphore_options_to_json(options)}};
}

bool is_semaphore_task(const nlohmann::json& task) {
  return task.is_object() && task.contains("experiment") && task["experiment"] == kSemaphoreExperiment;
}

}  // namespace cplay
