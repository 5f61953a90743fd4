#pragma once
#include <string_view>

#include "playground/workload.hpp"
#include "processes/worker_messages.hpp"

namespace cplay {

// The body of every child, forked or spawned: says it is ready, waits at the start line until the
// parent closes `start_fd`'s other end (so that all children begin together), runs its shard and
// sends progress, then the result (or an error) through `results_fd`. Returns the exit code;
// never throws.
int run_child_shard(const ShardTask& task, int results_fd, int start_fd, playground::RaceCounter shared);

// Sends an error message to the parent, best effort (never throws).
void send_error(int results_fd, std::string_view code, std::string_view text);

// Descriptors a spawned child finds its pipes on (set up by the parent's posix_spawn actions).
constexpr int kSpawnTaskFd = 3;
constexpr int kSpawnResultFd = 4;
constexpr int kSpawnStartFd = 5;
// And a forked child (set up by fork_child).
constexpr int kForkResultFd = 3;
constexpr int kForkStartFd = 4;

}  // namespace cplay
