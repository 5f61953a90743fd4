// Apart from execute.cpp so that the fuzz targets link the native validation without the runners.
#include "common/execute.hpp"
#include "mpi_launch/mpi_program.hpp"

namespace cplay {

// Natively every limit is the core's full one: all modes, fork and spawn; MPI ranks where
// cplay-mpi was built.
playground::Capabilities native_capabilities() {
  playground::Capabilities caps;
  if (mpi_program().empty()) {
    caps.max_ranks = 0;
    caps.mpi_unavailable_reason = mpi_unavailable_reason();
  }
  return caps;
}

playground::Request parse_native_request(const nlohmann::json& request) {
  return playground::parse_request(request, native_capabilities());
}

}  // namespace cplay
