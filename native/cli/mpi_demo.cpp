#include "cli/mpi_demo.hpp"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <system_error>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "common/execute.hpp"
#include "mpi_launch/mpi_launch.hpp"
#include "playground/barrier_json.hpp"
#include "playground/errors.hpp"
#include "playground/platform.hpp"

namespace cplay {
namespace {

MpiDemoRunner demo_runner = &launch_mpi_demo;
MpiBarrierRunner barrier_runner = &launch_mpi_barrier;

// mpirun started this cplay as a rank: the ranks are cplay-mpi, which links MPI. Returns only
// by throwing.
[[noreturn]] void become_rank_program(std::span<char* const> argv) {
  const std::string program = mpi_program();
  if (program.empty()) throw playground::ArgumentError("--mode mpi: " + mpi_unavailable_reason());
  std::vector<char*> args(argv.begin(), argv.end());
  args[0] = const_cast<char*>(program.c_str());
  args.push_back(nullptr);
  ::execv(program.c_str(), args.data());
  throw playground::RunError("cannot start " + program + ": " + std::strerror(errno));
}

// Runs `ranks` ranks of cplay-mpi with `args` under mpirun, their output going to ours. Returns
// the job's exit code when it ended by itself (0, 2 for a refusal, or 1 for a result the command
// calls wrong); a killed rank, a cancel or the time budget throw RunError naming what happened.
int run_ranks(const std::vector<std::string>& args, std::uint64_t ranks, double timeout_ms, bool exit_1_is_a_result) {
  if (mpi_program().empty()) throw playground::ArgumentError("--mode mpi: " + mpi_unavailable_reason());
  // Where exit 1 is a result, mpirun's note that a rank "returned a non-zero exit code" is noise:
  // its stderr is held back and shown only if the job failed otherwise.
  MpiLaunchOptions launch{.ranks = ranks, .forward_stderr = !exit_1_is_a_result, .cancel_on_signals = true};
  if (timeout_ms > 0) launch.deadline_ms = playground::now_ms() + timeout_ms;
  MpiLaunchOutcome outcome;
  try {
    outcome = launch_mpi(args, launch);
  } catch (const std::system_error& e) {
    throw playground::RunError(std::string("cannot start the MPI job: ") + e.what());
  }
  const bool answered_wrong = exit_1_is_a_result && outcome.exit_code == 1 && outcome.status == 1 &&
                              killed_rank_summary(outcome.errors).empty();
  if (!launch.forward_stderr && !answered_wrong) std::cerr << outcome.errors << std::flush;
  if (answered_wrong) return 1;
  throw_unless_ended(outcome);
  return outcome.exit_code;  // 0, or 2: rank 0 refused and said why
}

}  // namespace

void set_mpi_demo_runner(MpiDemoRunner chosen) { demo_runner = chosen; }
MpiDemoRunner mpi_demo_runner() { return demo_runner; }
void set_mpi_barrier_runner(MpiBarrierRunner chosen) { barrier_runner = chosen; }
MpiBarrierRunner mpi_barrier_runner() { return barrier_runner; }

void check_mpi_barrier_options(const playground::BarrierOptions& options) {
  if (options.sync == playground::BarrierSync::Join)
    throw playground::ArgumentError(
        "--sync join is not available in mode mpi: MPI ranks live for the whole job, so there is no rank to start "
        "and join per phase (use --sync barrier or none)");
}

int launch_mpi_demo(const DemoOptions& options, std::span<char* const> argv) {
  if (inside_mpi_job()) become_rank_program(argv);
  // Validated here first: a bad request is refused before mpirun starts anything.
  const playground::Request request = parse_native_request(options.request_json());
  std::vector<std::string> args = request_to_args(request);
  if (options.json_output()) args.push_back("--json");
  return run_ranks(args, request.workers, options.timeout_ms(), false);
}

int launch_mpi_barrier(const nlohmann::json& request, bool, std::span<char* const> argv) {
  if (inside_mpi_job()) become_rank_program(argv);
  const playground::BarrierOptions options = playground::barrier_options_from_json(request);
  check_mpi_barrier_options(options);
  // The ranks parse the same command line (the defaults give as many workers as ranks).
  const std::vector<std::string> args(argv.begin() + 1, argv.end());
  // Rank 0 exits 1 when the phases overlapped (sync none): that is the experiment's answer.
  return run_ranks(args, options.workers, 0, true);
}

}  // namespace cplay
