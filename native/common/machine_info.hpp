#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "playground/request.hpp"

namespace cplay {

// The processor's model name from /proc/cpuinfo, or "unknown".
std::string cpu_model();

// pid, tid, cores, start methods, CPU, version, platform and the core's catalog (every demo,
// mode and parameter with its range and default): `cplay info` and GET /api/info. `modes` and
// `max_ranks` are what `caps` runs here: mode mpi only where it allows ranks (cplay serve
// allows them only with --mpi-ranks).
nlohmann::json machine_info(const playground::Capabilities& caps);
nlohmann::json machine_info();  // with native_capabilities()

}  // namespace cplay
