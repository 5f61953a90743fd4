#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <sys/types.h>

namespace cplay {

// argv for a spawned child (argv[0] included); spawned_worker_main (process_runner.hpp) reads it.
std::vector<std::string> spawned_worker_args(const std::string& executable, pid_t parent, std::uint64_t shard,
                                             std::uint64_t shard_count);

}  // namespace cplay
