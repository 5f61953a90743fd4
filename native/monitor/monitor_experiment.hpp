#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "playground/monitor.hpp"

namespace cplay {

// The task a `cplay __job` process receives for this experiment (serve runs every job in a
// process of its own; this one streams its events back before its report).
nlohmann::json monitor_task(const playground::MonitorOptions&);
bool is_monitor_task(const nlohmann::json& task);

// Any mode natively: threads and async in the core, processes in native/monitor. While it runs,
// SIGINT and SIGTERM cancel it (every worker stopped, every child reaped; RunError "cancelled"),
// as does `hooks.cancelled`. `executable`: what spawn starts (empty: this executable).
playground::MonitorReport run_monitor_native(const playground::MonitorOptions&, playground::MonitorHooks hooks,
                                             const std::string& executable = {});

}  // namespace cplay
