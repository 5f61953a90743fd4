#pragma once
#include <nlohmann/json.hpp>

#include "playground/pool.hpp"

namespace cplay {

// Runs the experiment in the mode its options name: threads in the core, processes here.
playground::PoolReport run_pool_experiment(const playground::PoolOptions&);

// The task a `cplay __job` process receives for this experiment (the processes mode forks, which
// a threaded server must not), and its recognition there.
nlohmann::json pool_task(const playground::PoolOptions&);
bool is_pool_task(const nlohmann::json& task);

}  // namespace cplay
