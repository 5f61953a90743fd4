#include "mpi_launch/mpi_program.hpp"

#include <cstdlib>

#include <unistd.h>

#include "processes/process_runner.hpp"

namespace cplay {
namespace {

constexpr const char* kMpiProgramName = "cplay-mpi";

}  // namespace

std::string mpi_program() {
  const std::string path = sibling_executable(kMpiProgramName);
  return ::access(path.c_str(), X_OK) == 0 ? path : "";
}

std::string mpi_unavailable_reason() {
  return "this cplay was built without MPI (no cplay-mpi next to it): install Open MPI (Debian: apt-get install "
         "openmpi-bin libopenmpi-dev, or bash scripts/bootstrap) and build again (bash scripts/build.sh)";
}

bool inside_mpi_job() { return rank_from_environment() >= 0; }

int rank_from_environment() {
  for (const char* name : {"OMPI_COMM_WORLD_RANK", "PMIX_RANK", "PMI_RANK"})
    if (const char* value = std::getenv(name); value != nullptr && *value != '\0') return std::atoi(value);
  return -1;
}

}  // namespace cplay

