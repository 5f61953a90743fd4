#pragma once
#include <csignal>
#include <functional>
#include <optional>
#include <string>

#include "playground/report.hpp"
#include "playground/run.hpp"

namespace cplay {

// Test hook: make one child die by a signal before it reports, to exercise fault handling.
struct FaultInjection {
  std::uint64_t worker = 0;
  int signal = SIGKILL;
};

struct ProcessOptions {
  std::optional<FaultInjection> fault;
  // Called from the parent's poll loop about every 100 ms (the CLI draws its progress line).
  std::function<void()> on_tick;
};

// Runs a `--mode processes` request with one child per worker (fork, or posix_spawn of this
// executable) and returns the merged report. A child that dies is reported as a RunError naming
// its worker number and signal; every child is reaped before this returns or throws.
playground::Report run_processes(const playground::Request&, const playground::RunHooks& = {},
                                 const ProcessOptions& = {});

// The hidden entry of a spawned child: `cplay __worker ...`. Returns the process exit code.
constexpr const char* kWorkerCommand = "__worker";
int spawned_worker_main(int argc, char** argv);

// Path of the running executable, for posix_spawn (from /proc/self/exe).
std::string self_executable();

}  // namespace cplay
