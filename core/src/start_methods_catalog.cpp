#include "playground/start_methods_catalog.hpp"

#include <nlohmann/json.hpp>

namespace playground {

const std::vector<ParamSpec>& start_methods_param_specs() {
  static const std::vector<ParamSpec> specs{
      {.key = "workers", .flag = "--workers", .min = 1, .max = 64, .default_number = 8,
       .help = "workers of each kind for the start+join cost"},
  };
  return specs;
}

const ParamSpec& start_methods_workers_spec() { return start_methods_param_specs().front(); }

nlohmann::json start_methods_catalog_to_json() {
  return {{"params", experiment_params_to_json(start_methods_param_specs())}};
}

}  // namespace playground
