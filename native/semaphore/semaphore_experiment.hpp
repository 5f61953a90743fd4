#pragma once
#include <nlohmann/json.hpp>

#include "playground/semaphore.hpp"

namespace cplay {

// The task a `cplay __job` process receives for this experiment: serve runs every job in a
// process of its own, so a cancel or a budget can end its threads by ending that process.
nlohmann::json semaphore_task(const playground::SemaphoreOptions&);
bool is_semaphore_task(const nlohmann::json& task);

}  // namespace cplay
