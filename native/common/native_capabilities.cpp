// Apart from execute.cpp so that the fuzz targets link the native validation without the runners.
#include "common/execute.hpp"

namespace cplay {

playground::Capabilities native_capabilities() {
  playground::Capabilities caps;
  caps.max_threads = 256;
  caps.max_processes = 64;
  caps.start_methods = {playground::StartMethod::Fork, playground::StartMethod::Spawn};
  return caps;
}

playground::Request parse_native_request(const nlohmann::json& request) {
  return playground::parse_request(request, native_capabilities());
}

}  // namespace cplay
