#pragma once
// Dynamic work distribution across ranks: rank 0 hands out chunks of task numbers as messages,
// one chunk per request, so a fast rank asks again sooner and takes more. Rank 0 also works: its
// main thread answers requests while a thread of its own takes chunks from the same counter.
#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>

#include "mpi/mpi_world.hpp"

namespace cplay::mpi {

struct Chunk {
  std::uint64_t first = 0;
  std::uint64_t count = 0;
};

// About 8 chunks per rank, at least one task each: enough for the fast ranks to take more, few
// enough that asking costs nothing next to the work.
std::uint64_t chunk_size(std::uint64_t tasks, int ranks);

// Rank 0's counter of tasks not yet handed out.
class ChunkDispenser {
 public:
  // `stopping`: once true, no chunk is handed out any more (a cancelled or timed-out run).
  ChunkDispenser(std::uint64_t tasks, std::uint64_t chunk, std::function<bool()> stopping);
  std::optional<Chunk> take();  // thread-safe
  // On rank 0's main thread: answers every other rank's requests until each has been told that
  // nothing is left.
  void serve(const World& world);
  std::uint64_t handed_out() const { return handed_out_.load(); }

 private:
  std::mutex mutex_;
  std::uint64_t next_ = 0;
  std::uint64_t tasks_;
  std::uint64_t chunk_;
  std::function<bool()> stopping_;
  std::atomic<std::uint64_t> handed_out_{0};
};

// On the other ranks: asks rank 0 for the next chunk; nullopt when nothing is left.
std::optional<Chunk> request_chunk();

}  // namespace cplay::mpi
