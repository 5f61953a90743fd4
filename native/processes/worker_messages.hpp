#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "playground/request.hpp"
#include "playground/run.hpp"
#include "processes/process_runner.hpp"

namespace cplay {

// The protocol between the parent and its children, as JSON payloads of pipe_queue frames.

// Everything a child needs to run its share. A forked child gets it in memory; a spawned one
// reads it from its task pipe.
struct ShardTask {
  playground::Request request;
  std::uint64_t shard_index = 0;
  std::uint64_t shard_count = 1;
  double origin_ms = 0;
  std::string shared_memory_name;  // spawn with --shared-memory: the shm_open segment; else empty
  bool report_progress = false;    // whether the parent wants progress messages
  std::uint16_t payload_port = 0;  // io --source http: the parent's payload server on 127.0.0.1; else 0
  std::optional<FaultInjection> fault;  // for this child only (tests)
};

nlohmann::json task_to_json(const ShardTask&);
// Throws playground::ArgumentError or nlohmann::json::exception on a malformed task.
ShardTask task_from_json(const nlohmann::json&);

// Child -> parent messages.
std::string progress_message(std::uint64_t items_done);
// The child is at the start line: set up (the shared segment mapped, for spawn) and waiting to
// be released with its siblings.
std::string ready_message();
std::string result_message(const playground::ShardOutcome&);
std::string error_message(std::string_view code, std::string_view message);

struct ChildMessage {
  enum class Kind { Progress, Ready, Result, Error };
  Kind kind = Kind::Progress;
  std::uint64_t items = 0;              // Progress
  playground::ShardOutcome outcome;     // Result
  std::string error_code;               // Error
  std::string error_text;               // Error
};

// `demo` is the run's: a result must carry that demo's partial. Throws std::runtime_error (or a
// json exception) on anything that is not one of the above.
ChildMessage parse_child_message(std::string_view payload, playground::Demo demo);

}  // namespace cplay
