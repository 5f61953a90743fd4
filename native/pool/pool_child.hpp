#pragma once
#include <string>
#include <vector>

#include <sys/types.h>

namespace cplay {

// Every pool child's body, forked or spawned: says it runs (with the monotonic time it began,
// `running_ms`), then reads task after task from `task_fd` and answers each on `result_fd`
// until the parent closes the task pipe. A pool worker gets many tasks; a fresh one gets one.
// Returns the exit code; never throws.
int run_pool_child(int task_fd, int result_fd, double running_ms);

// Descriptors a pool child finds its pipes on (fork_child's keep_fds, spawn_child's mappings).
constexpr int kPoolTaskFd = 3;
constexpr int kPoolResultFd = 4;

// The hidden entry of a spawned pool child: `cplay __pool-worker --parent-pid=P`.
constexpr const char* kPoolWorkerCommand = "__pool-worker";
int pool_worker_main(int argc, char** argv);
std::vector<std::string> pool_worker_args(const std::string& executable, pid_t parent);

}  // namespace cplay
