#include <string_view>

#include "cli/cli.hpp"
#include "server/job_process.hpp"
#include "pool/pool_child.hpp"
#include "monitor/monitor_processes.hpp"
#include "processes/process_runner.hpp"
#include "start_methods/start_probe.hpp"

int main(int argc, char** argv) {
  // A child started by `--start-method spawn` re-enters this executable through a hidden command.
  if (argc > 1 && std::string_view(argv[1]) == cplay::kWorkerCommand) return cplay::spawned_worker_main(argc, argv);
  // `cplay monitor --mode processes --start-method spawn` re-enters it for each worker.
  if (argc > 1 && std::string_view(argv[1]) == cplay::kMonitorWorkerCommand) return cplay::monitor_worker_main(argc, argv);
  // `cplay serve` runs each --mode processes job in a process of its own, which forks the workers.
  if (argc > 1 && std::string_view(argv[1]) == cplay::kJobCommand) return cplay::job_process_main(argc, argv);
  // `cplay start-methods` spawns probes of itself that report what a fresh process sees.
  if (argc > 1 && std::string_view(argv[1]) == cplay::kStartProbeCommand) return cplay::start_probe_main(argc, argv);
  // `cplay pool --mode processes --start-method spawn` spawns pool workers of itself.
  if (argc > 1 && std::string_view(argv[1]) == cplay::kPoolWorkerCommand) return cplay::pool_worker_main(argc, argv);
  return cplay::cli_main(argc, argv);
}
