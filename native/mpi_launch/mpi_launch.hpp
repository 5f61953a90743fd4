#pragma once
// Starting MPI jobs of cplay's demos from cplay itself (the CLI without mpirun, and cplay serve
// --mpi-ranks N). No MPI headers here: the ranks are cplay-mpi (native/mpi/), built only where
// Open MPI is installed; this side only finds it and runs mpirun.
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mpi_launch/mpi_program.hpp"
#include "playground/request.hpp"

namespace cplay {

// The command line of `request` for cplay-mpi: the demo, --mode mpi, --workers and every param.
std::vector<std::string> request_to_args(const playground::Request& request);

struct MpiLaunchOptions {
  std::uint64_t ranks = 1;
  bool capture_stdout = false;  // false: the ranks' output goes to ours (the CLI)
  bool forward_stderr = true;   // false: kept in the outcome only (the server)
  const std::atomic<bool>* cancel = nullptr;
  double deadline_ms = 0;  // a now_ms() time; past it the job is stopped
  bool cancel_on_signals = false;  // SIGINT and SIGTERM cancel the job (the CLI; the server has its own)
};

struct MpiLaunchOutcome {
  int exit_code = 0;  // 0 done; 2 refused by rank 0; 1 failed (see failure); 130 cancelled; 124 timeout
  std::string output;   // stdout, when captured
  std::string errors;   // everything mpirun and the ranks wrote on stderr
  std::string failure;  // one line naming what went wrong; empty when exit_code is 0 or 2
  int status = 0;       // mpirun's own exit status (128 + N for signal N); 0 when stopped by us
};

// Runs `mpirun -n ranks --oversubscribe --bind-to none [--allow-run-as-root] cplay-mpi args...`
// and waits for it. A rank killed by a signal makes mpirun stop the others; the outcome then names
// that rank, its host and the signal (exit 1). A cancel or the deadline sends mpirun SIGTERM (it
// kills its ranks), then SIGKILL if it has not ended 3 s later; the ranks die with it (each asks
// for PR_SET_PDEATHSIG), and mpirun gets SIGTERM when the thread that started it dies, even by
// SIGKILL. Throws std::system_error if mpirun cannot be started.
MpiLaunchOutcome launch_mpi(const std::vector<std::string>& args, const MpiLaunchOptions& options);

// Throws RunError when the job did not end by itself: cancelled (130, code "cancelled"), stopped
// at its deadline (124, code "timeout") or failed (1: a killed rank, named). Returns otherwise.
void throw_unless_ended(const MpiLaunchOutcome& outcome);

// One job of `request` (mode mpi) for cplay serve's job process: mpirun of request.workers ranks,
// its output captured, SIGTERM (the server's cancel or time budget) stopping it. Returns rank 0's
// report as JSON; throws RunError naming a killed rank (or "cancelled"), or ArgumentError with
// rank 0's refusal.
nlohmann::json run_mpi_report(const playground::Request& request);

// From mpirun's own message ("process rank 1 with PID 0 on node vm exited on signal 9 (Killed)"):
// "MPI rank 1 on host vm was killed by signal 9 (Killed)"; empty if `errors` names no such rank.
std::string killed_rank_summary(const std::string& errors);

}  // namespace cplay
