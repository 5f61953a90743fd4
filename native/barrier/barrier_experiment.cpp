#include "barrier/barrier_experiment.hpp"

#include "playground/barrier_json.hpp"

namespace cplay {
namespace {
constexpr const char* kBarrierExperiment = "barrier";
}  // namespace

nlohmann::json barrier_task(const playground::BarrierOptions& options) {
  return {{"experiment", kBarrierExperiment}, {"options", playground::barrier_options_to_json(options)}};
}

bool is_barrier_task(const nlohmann::json& task) {
  return task.is_object() && task.contains("experiment") && task["experiment"] == kBarrierExperiment;
}

}  // namespace cplay
