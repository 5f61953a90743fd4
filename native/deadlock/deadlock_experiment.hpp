#pragma once
#include <nlohmann/json.hpp>

#include "playground/deadlock.hpp"

namespace cplay {

// Runs the experiment in the mode its options name: threads in the core, processes here.
playground::DeadlockReport run_deadlock(const playground::DeadlockOptions&);

// The task a `cplay __job` process receives for this experiment (the processes mode forks, which
// a threaded server must not), and its recognition there.
nlohmann::json deadlock_task(const playground::DeadlockOptions&);
bool is_deadlock_task(const nlohmann::json& task);

}  // namespace cplay
