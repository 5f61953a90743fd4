#include "cli/mpi_demo.hpp"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <system_error>

#include <unistd.h>

#include "common/execute.hpp"
#include "mpi_launch/mpi_launch.hpp"
#include "playground/errors.hpp"
#include "playground/platform.hpp"

namespace cplay {
namespace {

MpiDemoRunner runner = &launch_mpi_demo;

}  // namespace

void set_mpi_demo_runner(MpiDemoRunner chosen) { runner = chosen; }
MpiDemoRunner mpi_demo_runner() { return runner; }

int launch_mpi_demo(const DemoOptions& options, std::span<char* const> argv) {
  const std::string program = mpi_program();
  if (inside_mpi_job()) {
    // mpirun started this cplay as a rank: the ranks are cplay-mpi, which links MPI.
    if (program.empty()) throw playground::ArgumentError("--mode mpi: " + mpi_unavailable_reason());
    std::vector<char*> args(argv.begin(), argv.end());
    args[0] = const_cast<char*>(program.c_str());
    args.push_back(nullptr);
    ::execv(program.c_str(), args.data());
    throw playground::RunError("cannot start " + program + ": " + std::strerror(errno));
  }
  // Validated here first: a bad request is refused before mpirun starts anything.
  const playground::Request request = parse_native_request(options.request_json());
  std::vector<std::string> args = request_to_args(request);
  if (options.json_output()) args.push_back("--json");
  MpiLaunchOptions launch{.ranks = request.workers};
  if (options.timeout_ms() > 0) launch.deadline_ms = playground::now_ms() + options.timeout_ms();
  MpiLaunchOutcome outcome;
  try {
    outcome = launch_mpi(args, launch);
  } catch (const std::system_error& e) {
    throw playground::RunError(std::string("cannot start the MPI job: ") + e.what());
  }
  if (outcome.exit_code == 0 || outcome.exit_code == 2) return outcome.exit_code;
  if (outcome.exit_code == 130) throw playground::RunError(outcome.failure, "cancelled");
  if (outcome.exit_code == 124) throw playground::RunError(outcome.failure, "timeout");
  throw playground::RunError(outcome.failure);
}

}  // namespace cplay
