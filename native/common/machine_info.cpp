#include "common/machine_info.hpp"

#include <fstream>

#include "common/execute.hpp"
#include "playground/catalog.hpp"
#include "playground/platform.hpp"
#include "playground/report_json.hpp"

namespace cplay {

std::string cpu_model() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("model name", 0) != 0) continue;
    const auto colon = line.find(':');
    if (colon != std::string::npos && colon + 2 <= line.size()) return line.substr(colon + 2);
  }
  return "unknown";
}

nlohmann::json machine_info(const playground::Capabilities& caps) {
  nlohmann::json start_methods = nlohmann::json::array();
  for (auto method : caps.start_methods) start_methods.push_back(playground::to_string(method));
  nlohmann::json modes = nlohmann::json::array();
  for (const std::string_view mode : playground::mode_names().names())
    if (mode != "mpi" || caps.max_ranks > 0) modes.push_back(mode);
  return {{"pid", playground::current_pid()},
          {"tid", playground::current_tid()},
          {"cores", playground::hardware_cores()},
          {"cpu", cpu_model()},
          {"start_methods", start_methods},
          {"modes", modes},
          {"max_ranks", caps.max_ranks},
          {"catalog", playground::catalog_to_json()},
          {"version", CPLAY_VERSION},
          {"platform", playground::platform_json()}};
}

nlohmann::json machine_info() { return machine_info(native_capabilities()); }

}  // namespace cplay
