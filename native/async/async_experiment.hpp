#pragma once
#include <nlohmann/json.hpp>

#include "playground/async_control.hpp"

namespace cplay {

// The task a `cplay __job` process receives for this experiment: serve runs every job in a
// process of its own, so a cancel or a budget can end it by ending that process.
nlohmann::json async_task(const playground::AsyncControlOptions&);
bool is_async_task(const nlohmann::json& task);

}  // namespace cplay
