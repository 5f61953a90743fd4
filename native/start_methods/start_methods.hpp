#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "playground/request.hpp"
#include "playground/start_methods_catalog.hpp"

namespace cplay {

// `cplay start-methods`: what a worker started as a thread, by fork or by spawn sees of its
// parent (a changed global variable, an open file, a running thread), and what starting and
// joining one costs. Every figure and fact is measured when it runs.

struct StartMethodsOptions {
  // Per kind, for the cost figures; its range is the core's (playground/start_methods_catalog.hpp).
  std::uint64_t workers = *playground::start_methods_workers_spec().default_number;
  // The program the spawned workers run; empty: self_executable(). It must dispatch
  // `__start-probe` to start_probe_main, as cplay's main does.
  std::string executable;
};

// The report: {"schema", "experiment", "workers", "pid", "tid", "cores", "parent": {...},
// "kinds": [thread, fork, spawn]}. Throws playground::RunError or std::system_error; no child is
// left behind either way. Runs one at a time in a process (the variable is process-wide).
nlohmann::json run_start_methods(const StartMethodsOptions& options);

// The API's request: {} or {"workers": N}. Throws playground::ArgumentError naming the range.
StartMethodsOptions start_methods_options_from_json(const nlohmann::json& body);

// The task a `cplay __job` process receives for this experiment, and its recognition there.
nlohmann::json start_methods_task(const StartMethodsOptions& options);
bool is_start_methods_task(const nlohmann::json& task);

}  // namespace cplay
