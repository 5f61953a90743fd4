#pragma once
#include <atomic>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

namespace cplay {

// `cplay serve` answers on many threads, and forking a multi-threaded process copies locks in
// whatever state other threads left them. So the server never forks: a --mode processes job runs
// in a fresh `cplay __job` process, started with posix_spawn (safe from threads), which is
// single-threaded and forks or spawns the workers itself, as the CLI does.

struct JobProcessControl {
  std::string executable;                     // must dispatch `__job` to job_process_main
  const std::atomic<bool>* cancel = nullptr;  // set: the job process is stopped (code "cancelled")
  double deadline_ms = 0;                     // a now_ms() time: past it, stopped (code "timeout")
  // Set for a streaming job: each message the job process sends before its report that is an event
  // line (a JSON object with "event") is handed here as it arrives; false (the client is gone)
  // stops the job like a cancel.
  std::function<bool(const std::string&)> on_event;
};

// Runs `request` (JSON, already validated) in a job process and returns the report or error
// report it sent. A cancel or the deadline sends it SIGTERM, which it handles like Ctrl-C: its
// children are killed and reaped; SIGKILL follows if it has not ended a moment later. Throws
// playground::RunError ("cancelled", "timeout", or "run-failed" if the process died without a
// report); the job process is always reaped before this returns or throws.
nlohmann::json run_job_process(const nlohmann::json& request, const JobProcessControl& control);

// The hidden entry of a job process: `cplay __job --parent-pid=P`; the request arrives on
// kSpawnTaskFd, the report leaves on kSpawnResultFd. Returns the exit code.
constexpr const char* kJobCommand = "__job";
int job_process_main(int argc, char** argv);

}  // namespace cplay
