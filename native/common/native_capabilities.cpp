// Apart from execute.cpp so that the fuzz targets link the native validation without the runners.
#include "common/execute.hpp"

namespace cplay {

// Natively every limit is the core's full one: all modes, fork and spawn.
playground::Capabilities native_capabilities() { return {}; }

playground::Request parse_native_request(const nlohmann::json& request) {
  return playground::parse_request(request, native_capabilities());
}

}  // namespace cplay
