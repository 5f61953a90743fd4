#include "mpi/mpi_chunks.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include <mpi.h>

namespace cplay::mpi {
namespace {

constexpr int kRequestTag = 101;
constexpr int kGrantTag = 102;
constexpr std::uint64_t kChunksPerRank = 8;
// Between polls rank 0's main thread sleeps this long, so that it leaves the core to its own
// worker thread; a request waits at most this long for its answer.
constexpr auto kPollPause = std::chrono::microseconds(50);

}  // namespace

std::uint64_t chunk_size(std::uint64_t tasks, int ranks) {
  return std::max<std::uint64_t>(1, tasks / (static_cast<std::uint64_t>(ranks) * kChunksPerRank));
}

ChunkDispenser::ChunkDispenser(std::uint64_t tasks, std::uint64_t chunk, std::function<bool()> stopping)
    : tasks_(tasks), chunk_(chunk), stopping_(std::move(stopping)) {}

std::optional<Chunk> ChunkDispenser::take() {
  std::lock_guard guard(mutex_);
  if (next_ >= tasks_ || stopping_()) return std::nullopt;
  const Chunk chunk{next_, std::min(chunk_, tasks_ - next_)};
  next_ += chunk.count;
  handed_out_.fetch_add(1);
  return chunk;
}

void ChunkDispenser::serve(const World& world) {
  int unanswered_ranks = world.size() - 1;  // ranks not yet told that nothing is left
  while (unanswered_ranks > 0) {
    int waiting = 0;
    MPI_Status status;
    MPI_Iprobe(MPI_ANY_SOURCE, kRequestTag, MPI_COMM_WORLD, &waiting, &status);
    if (!waiting) {
      std::this_thread::sleep_for(kPollPause);
      continue;
    }
    char ignored = 0;
    MPI_Recv(&ignored, 1, MPI_CHAR, status.MPI_SOURCE, kRequestTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    const Chunk chunk = take().value_or(Chunk{0, 0});
    const std::uint64_t grant[2] = {chunk.first, chunk.count};
    MPI_Send(grant, 2, MPI_UINT64_T, status.MPI_SOURCE, kGrantTag, MPI_COMM_WORLD);
    if (chunk.count == 0) --unanswered_ranks;
  }
}

std::optional<Chunk> request_chunk() {
  const char ask = 0;
  MPI_Send(&ask, 1, MPI_CHAR, 0, kRequestTag, MPI_COMM_WORLD);
  std::uint64_t grant[2] = {0, 0};
  MPI_Recv(grant, 2, MPI_UINT64_T, 0, kGrantTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  if (grant[1] == 0) return std::nullopt;
  return Chunk{grant[0], grant[1]};
}

}  // namespace cplay::mpi
