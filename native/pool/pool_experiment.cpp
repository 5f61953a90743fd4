#include "pool/pool_experiment.hpp"

#include "playground/pool_json.hpp"
#include "pool/pool_processes.hpp"

namespace cplay {
namespace {
constexpr const char* kPoolExperiment = "pool";
}  // namespace

playground::PoolReport run_pool_experiment(const playground::PoolOptions& options) {
  return options.mode == playground::PoolMode::Processes ? run_pool_processes(options)
                                                         : playground::run_pool_threads(options);
}

nlohmann::json pool_task(const playground::PoolOptions& options) {
  return {{"experiment", kPoolExperiment}, {"options", playground::pool_options_to_json(options)}};
}

bool is_pool_task(const nlohmann::json& task) {
  return task.is_object() && task.contains("experiment") && task["experiment"] == kPoolExperiment;
}

}  // namespace cplay
