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
  // Called on the parent's own thread from its poll loop, about every 100 ms while children run,
  // so a progress bar needs no thread (the parent starts none: forking from a multithreaded
  // process is fragile). If it throws, every child is killed and reaped, then the exception
  // propagates.
  std::function<void()> on_tick;
  // The program `--start-method spawn` starts; empty: spawn_worker_executable(). It must hand
  // `__worker` to spawned_worker_main, as cplay's and cplay-worker's mains do (a test binary
  // does not: tests name the built cplay here).
  std::string executable;
  // io --source http: the port of the parent's loopback payload server, which children fetch from.
  std::uint16_t payload_port = 0;
};

// Runs a `--mode processes` request with one child per worker (fork, or posix_spawn of
// spawn_worker_executable()) and returns the merged report. A child that dies is reported as a
// RunError naming its worker number and signal; every child is reaped before this returns or
// throws.
// SIGINT/SIGTERM during the run kill the children and throw RunError with code "cancelled";
// so does `hooks.cancel`. `hooks.progress` receives the children's progress.
playground::Report run_processes(const playground::Request&, const playground::RunHooks& = {},
                                 const ProcessOptions& = {});

// The hidden entry of a spawned child: `cplay __worker ...`. Returns the process exit code.
constexpr const char* kWorkerCommand = "__worker";
int spawned_worker_main(int argc, char** argv);

// Path of the running executable, for posix_spawn (from /proc/self/exe).
std::string self_executable();

// What a spawned child runs: cplay-worker next to this executable (it starts in a fraction of
// cplay's time: no HTTP library to load), else this executable itself.
constexpr const char* kWorkerExecutableName = "cplay-worker";
std::string spawn_worker_executable();

// The path of `name` in this executable's folder (whether it exists or not).
std::string sibling_executable(const std::string& name);

}  // namespace cplay
