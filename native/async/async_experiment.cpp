#include "async/async_experiment.hpp"

#include "playground/async_control_json.hpp"

namespace cplay {
namespace {
constexpr const char* kAsyncExperiment = "async";
}  // namespace

nlohmann::json async_task(const playground::AsyncControlOptions& options) {
  return {{"experiment", kAsyncExperiment}, {"options", playground::async_options_to_json(options)}};
}

bool is_async_task(const nlohmann::json& task) {
  return task.is_object() && task.contains("experiment") && task["experiment"] == kAsyncExperiment;
}

}  // namespace cplay
