#pragma once
#include <string>

#include "playground/monitor.hpp"

namespace cplay {

// The monitor experiment with one child process per worker, forked or spawned (`executable`
// started as `__monitor-worker`; empty: this executable). Each child reports its start and end on
// a pipe of its own; the parent samples real liveness with waitpid(WNOHANG) and emits a worker's
// 'ended' when it reaps it. A child that dies otherwise fails the run (RunError naming it);
// `hooks.cancelled` (Ctrl-C, a server's cancel) kills them. Every child is reaped before this
// returns or throws.
playground::MonitorReport run_monitor_processes(const playground::MonitorOptions&, const playground::MonitorHooks&,
                                                const std::string& executable = {});

// The hidden entry of a spawned monitor child: `cplay __monitor-worker --parent-pid=P --name=A
// --duration-ms=N`, reporting on kSpawnResultFd. Returns the exit code.
constexpr const char* kMonitorWorkerCommand = "__monitor-worker";
int monitor_worker_main(int argc, char** argv);

}  // namespace cplay
