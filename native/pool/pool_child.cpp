#include "pool/pool_child.hpp"

#include <cstdio>
#include <exception>
#include <optional>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "playground/json_integer.hpp"
#include "playground/platform.hpp"
#include "playground/pool.hpp"
#include "processes/child_launch.hpp"
#include "processes/pipe_queue.hpp"
#include "processes/spawned_worker.hpp"

namespace cplay {

int run_pool_child(int task_fd, int result_fd, double running_ms) {
  try {
    write_message(result_fd, nlohmann::json{{"running_ms", running_ms}}.dump());
    while (const std::optional<std::string> text = read_message(task_fd)) {
      const nlohmann::json task = nlohmann::json::parse(*text);
      const auto number = playground::integer_of<std::uint64_t>(task.at("task"), "task");
      const auto work = playground::integer_of<std::uint64_t>(task.at("work"), "work");
      if (work > playground::pool_param_spec("work").max) return 1;
      const double started = playground::now_ms();
      const std::uint64_t value = playground::pool_task_value(number, work);
      const double ended = playground::now_ms();
      write_message(result_fd, nlohmann::json{{"task", number},
                                              {"value", std::to_string(value)},
                                              {"started_ms", started},
                                              {"ended_ms", ended}}
                                   .dump());
    }
    return 0;
  } catch (const std::exception&) {
    return 1;  // the parent sees the pipe close early and names this child
  }
}

std::vector<std::string> pool_worker_args(const std::string& executable, pid_t parent) {
  return {executable, kPoolWorkerCommand, parent_pid_arg(parent)};
}

int pool_worker_main(int argc, char** argv) {
  const double running_ms = playground::now_ms();  // the first thing a spawned child does
  const std::optional<pid_t> parent = parent_pid_from(argc, argv);
  // Started by cplay means: the parent named is ours, and a pipe waits on the result descriptor.
  struct stat result_fd {};
  if (!parent || *parent != ::getppid() || ::fstat(kPoolResultFd, &result_fd) != 0 || !S_ISFIFO(result_fd.st_mode)) {
    std::fputs("cplay: '__pool-worker' is internal; cplay pool --mode processes starts it itself\n", stderr);
    return 2;
  }
  die_with_parent(*parent);
  prepare_child_signals();
  return run_pool_child(kPoolTaskFd, kPoolResultFd, running_ms);
}

}  // namespace cplay
