#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace cplay {

// The processor's model name from /proc/cpuinfo, or "unknown".
std::string cpu_model();

// pid, tid, cores, start methods, CPU, version and platform: `cplay info` and GET /api/info.
nlohmann::json machine_info();

}  // namespace cplay
