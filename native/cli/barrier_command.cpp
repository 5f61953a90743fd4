#include "cli/barrier_command.hpp"

#include <iostream>
#include <memory>
#include <string>

#include "cli/experiment_flags.hpp"
#include "cli/barrier_output.hpp"
#include "cli/mpi_demo.hpp"
#include "playground/barrier.hpp"
#include "playground/barrier_json.hpp"

namespace cplay {
namespace {

int run_barrier_command(const ExperimentFlags& flags) {
  const nlohmann::json request = flags.request_json();
  const playground::BarrierOptions options = playground::barrier_options_from_json(request);
  const playground::BarrierReport report = playground::run_barrier_threads(options);
  if (flags.json_output()) std::cout << playground::barrier_report_to_json(report).dump() << std::endl;
  else print_barrier(std::cout, report);
  return report.correct() ? 0 : 1;
}

}  // namespace

void add_barrier_command(CLI::App& app, std::function<int()>& action, std::span<char* const> argv) {
  CLI::App* command = app.add_subcommand(
      "barrier", "workers compute phases that read the phase before: a barrier, joining per phase, or no waiting");
  // Owned by the callback, which lives as long as `app`.
  auto flags = std::make_shared<ExperimentFlags>(*command, playground::barrier_param_specs());
  auto mode = std::make_shared<std::string>("threads");
  command
      ->add_option("--mode", *mode,
                   "threads: one process, a std::barrier; mpi: one MPI rank per worker (mpirun), MPI_Barrier between "
                   "phases, the ring in an MPI window (--sync barrier or none); default threads")
      ->check(CLI::IsMember({"threads", "mpi"}));
  command->footer("Exit status: 0 when every cell matches the sequential reference, 1 when the answer is wrong\n"
                  "(phases overlapped and read unwritten cells), 2 for bad input.");
  command->final_callback([&action, flags, mode, argv] {
    action = [flags, mode, argv] {
      if (*mode == "mpi") return mpi_barrier_runner()(flags->request_json(), flags->json_output(), argv);
      return run_barrier_command(*flags);
    };
  });
}

}  // namespace cplay
