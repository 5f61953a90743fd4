#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace cplay {

// The processor's model name from /proc/cpuinfo, or "unknown".
std::string cpu_model();

// pid, tid, cores, start methods, CPU, version, platform and the core's catalog (every demo,
// mode and parameter with its range and default): `cplay info` and GET /api/info.
nlohmann::json machine_info();

}  // namespace cplay
