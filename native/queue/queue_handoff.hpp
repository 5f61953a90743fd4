#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "playground/queue_catalog.hpp"

namespace cplay {

// One child hands one result of `result_bytes` back through a pipe, and the parent either reads
// it before joining (get-then-join) or joins first (join-then-get). A result bigger than the pipe
// cannot leave the child until someone reads, so join-then-get then waits forever: here the join
// gives up after `grace_ms`, measures the stuck pipe, and kills and reaps the child.
struct HandoffOutcome {
  playground::QueueOrder order = playground::QueueOrder::GetThenJoin;
  std::uint64_t result_bytes = 0;
  std::uint64_t frame_bytes = 0;          // the result with its 4-byte length
  std::uint64_t pipe_capacity_bytes = 0;  // F_GETPIPE_SZ
  std::int64_t child_pid = 0;
  bool deadlock = false;
  std::uint64_t bytes_received = 0;  // completed: the result's size as read
  bool result_intact = false;        // completed: every byte as the child wrote it
  std::uint64_t bytes_in_pipe = 0;   // deadlock: FIONREAD when the grace ran out
  double child_alive_after_ms = 0;   // deadlock: how long the join had waited
  std::string child_end;             // "exited with code 0", "killed by SIGKILL (by us)"
  double wall_ms = 0;
};

HandoffOutcome run_handoff(playground::QueueOrder order, std::uint64_t result_bytes, std::uint64_t grace_ms);

nlohmann::json handoff_to_json(const HandoffOutcome&);
// "deadlock: the child (pid 12) waits for the pipe ..., the parent waits for the child": the
// message the CLI exits 1 with.
std::string describe_deadlock(const HandoffOutcome&);

}  // namespace cplay
