#pragma once
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "playground/catalog.hpp"

namespace playground {

// The inputs of the start-methods experiment (`cplay start-methods`, POST /api/start-methods and
// the page's browser side), kept with the other tables although only native code runs it.
const ParamSpec& start_methods_workers_spec();
const std::vector<ParamSpec>& start_methods_param_specs();
nlohmann::json start_methods_catalog_to_json();

}  // namespace playground
