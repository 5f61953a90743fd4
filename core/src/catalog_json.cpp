#include <nlohmann/json.hpp>

#include "playground/async_control.hpp"
#include "playground/barrier.hpp"
#include "playground/catalog.hpp"
#include "playground/deadlock.hpp"
#include "playground/monitor.hpp"
#include "playground/pool.hpp"
#include "playground/queue_catalog.hpp"
#include "playground/request.hpp"
#include "playground/semaphore.hpp"
#include "playground/start_methods_catalog.hpp"

namespace playground {
namespace {

using json = nlohmann::json;

// The range or choices and the default of one input, the same for a demo's and an experiment's.
void add_kind_fields(json& out, const ParamSpec& spec) {
  switch (spec.kind) {
    case ParamKind::Integer:
      out["min"] = spec.min;
      out["max"] = spec.max;
      out["default"] = spec.default_number ? json(*spec.default_number) : json(nullptr);
      break;
    case ParamKind::Choice:
      out["choices"] = spec.choices;
      out["default"] = spec.default_choice;
      break;
    case ParamKind::Flag: out["default"] = false; break;
  }
}

json param_to_json(const ParamSpec& spec) {
  json out = {{"key", spec.key}, {"flag", spec.flag}, {"kind", to_string(spec.kind)},
              {"in", spec.top_level ? "request" : "params"}, {"help", spec.help}};
  add_kind_fields(out, spec);
  return out;
}

json default_workers_to_json(const DefaultWorkers& rule) {
  switch (rule.rule) {
    case DefaultWorkers::Rule::Cores: return {{"rule", "cores"}};
    case DefaultWorkers::Rule::Param: return {{"rule", "param"}, {"param", rule.param}};
    case DefaultWorkers::Rule::Fixed: return {{"rule", "fixed"}, {"value", rule.value}};
  }
  return nullptr;
}

}  // namespace

json experiment_params_to_json(const std::vector<ParamSpec>& specs) {
  json params = json::array();
  for (const ParamSpec& spec : specs) {
    json param = {{"key", spec.key}, {"flag", spec.flag}, {"kind", to_string(spec.kind)}, {"help", spec.help}};
    add_kind_fields(param, spec);
    params.push_back(std::move(param));
  }
  return params;
}

json catalog_to_json() {
  json demos = json::array();
  for (const auto& spec : demo_specs())
    demos.push_back({{"name", to_string(spec.demo)},
                     {"summary", spec.summary},
                     {"params", spec.params},
                     {"default_workers", default_workers_to_json(spec.default_workers)}});
  json modes = json::array();
  for (const auto& spec : mode_specs()) modes.push_back({{"name", to_string(spec.mode)}, {"params", spec.params}});
  json params = json::array();
  for (const auto& spec : param_specs()) params.push_back(param_to_json(spec));
  const Capabilities full;
  json start_methods = json::array();
  for (StartMethod method : full.start_methods) start_methods.push_back(to_string(method));
  return {{"demos", std::move(demos)},
          {"modes", std::move(modes)},
          {"params", std::move(params)},
          {"limits",
           {{"max_total_increments", combined_limits().max_total_increments},
            {"max_total_wait_ms", combined_limits().max_total_wait_ms},
            {"max_default_workers", combined_limits().max_default_workers},
            {"max_http_tasks", combined_limits().max_http_tasks}}},
          // The most a runtime may allow; a smaller one (a browser) says its own in its info.
          {"capabilities",
           {{"max_threads", full.max_threads},
            {"max_coroutines", full.max_coroutines},
            {"max_processes", full.max_processes},
            {"max_ranks", full.max_ranks},
            {"start_methods", std::move(start_methods)}}},
          // Experiments take their own requests, not a demo's: each brings its own table.
          {"experiments",
           {{"queue", queue_catalog_to_json()},
            {"deadlock", deadlock_catalog_to_json()},
            {"semaphore", semaphore_catalog_to_json()},
            {"async", async_catalog_to_json()},
            {"barrier", barrier_catalog_to_json()},
            {"pool", pool_catalog_to_json()},
            {"start_methods", start_methods_catalog_to_json()},
            {"monitor", monitor_catalog_to_json()}}}};
}

}  // namespace playground
