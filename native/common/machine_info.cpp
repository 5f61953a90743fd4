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

nlohmann::json machine_info() {
  nlohmann::json start_methods = nlohmann::json::array();
  for (auto method : native_capabilities().start_methods) start_methods.push_back(playground::to_string(method));
  return {{"pid", playground::current_pid()},
          {"tid", playground::current_tid()},
          {"cores", playground::hardware_cores()},
          {"cpu", cpu_model()},
          {"start_methods", start_methods},
          {"modes", playground::mode_names().names()},  // natively every mode runs
          {"catalog", playground::catalog_to_json()},
          {"version", CPLAY_VERSION},
          {"platform", playground::platform_json()}};
}

}  // namespace cplay
