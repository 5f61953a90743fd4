#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "playground/queue.hpp"
#include "playground/queue_json.hpp"

namespace cplay {

// The pipe the producers share, as the kernel sized it.
struct PipeFacts {
  std::uint64_t requested_bytes = 0;  // --capacity frames, asked of F_SETPIPE_SZ
  std::uint64_t capacity_bytes = 0;   // what F_GETPIPE_SZ then reads back
  std::uint64_t frame_bytes = 0;      // one message on the wire: length, producer, sequence, payload
};

// `cplay queue --mode processes`: producer processes write framed messages into one real pipe and
// the parent reads them. Each producer marks when a full pipe made it wait; the parent marks when
// an empty one made it wait. Every child is reaped whatever happens.
struct QueueProcessesStream {
  playground::QueueStreamResult stream;
  PipeFacts pipe;
};
QueueProcessesStream run_queue_processes_stream(const playground::QueueRequest& request);

}  // namespace cplay
