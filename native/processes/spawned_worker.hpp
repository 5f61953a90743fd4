#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace cplay {

// argv for a spawned child (argv[0] included); spawned_worker_main (process_runner.hpp) reads it.
std::vector<std::string> spawned_worker_args(const std::string& executable, pid_t parent, std::uint64_t shard,
                                             std::uint64_t shard_count);

// Shared by every hidden command a cplay parent spawns (`__worker`, `__job`):
// "--parent-pid=P" for argv, and its reading (nullopt when absent or malformed);
std::string parent_pid_arg(pid_t parent);
std::optional<pid_t> parent_pid_from(int argc, char** argv);
// the one message on kSpawnTaskFd (which is then closed); nullopt when there is none.
std::optional<std::string> read_task_payload();

}  // namespace cplay
