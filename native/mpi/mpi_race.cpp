#include "mpi/mpi_race.hpp"

#include <mpi.h>

#include "playground/platform.hpp"

namespace cplay::mpi {
namespace {

constexpr int kCounterRank = 0;
const MPI_Aint kCounterOffset = 0;

// The window and its memory (8 bytes on rank 0, none elsewhere), freed on every path.
class CounterWindow {
 public:
  explicit CounterWindow(const World& world) {
    const MPI_Aint bytes = world.root() ? sizeof(std::int64_t) : 0;
    MPI_Win_allocate(bytes, sizeof(std::int64_t), MPI_INFO_NULL, MPI_COMM_WORLD, &base_, &window_);
    if (world.root()) {
      // The counter's first value, written through the window like every later one.
      const std::int64_t zero = 0;
      MPI_Win_lock(MPI_LOCK_EXCLUSIVE, kCounterRank, 0, window_);
      MPI_Put(&zero, 1, MPI_INT64_T, kCounterRank, kCounterOffset, 1, MPI_INT64_T, window_);
      MPI_Win_unlock(kCounterRank, window_);
    }
    world.barrier();
  }
  ~CounterWindow() { MPI_Win_free(&window_); }
  CounterWindow(const CounterWindow&) = delete;
  CounterWindow& operator=(const CounterWindow&) = delete;
  MPI_Win get() const { return window_; }

  std::int64_t read() const {
    std::int64_t value = 0;
    MPI_Win_lock(MPI_LOCK_SHARED, kCounterRank, 0, window_);
    MPI_Get(&value, 1, MPI_INT64_T, kCounterRank, kCounterOffset, 1, MPI_INT64_T, window_);
    MPI_Win_unlock(kCounterRank, window_);
    return value;
  }

 private:
  std::int64_t* base_ = nullptr;
  MPI_Win window_ = MPI_WIN_NULL;
};

void add_unsynchronised(MPI_Win window, std::uint64_t increments) {
  MPI_Win_lock_all(0, window);
  for (std::uint64_t i = 0; i < increments; ++i) {
    // snippet-begin: mpi-race-none
    std::int64_t seen = 0;
    MPI_Fetch_and_op(nullptr, &seen, MPI_INT64_T, kCounterRank, kCounterOffset, MPI_NO_OP, window);
    MPI_Win_flush(kCounterRank, window);  // the read is complete: another rank may write now
    const std::int64_t next = seen + 1;
    MPI_Accumulate(&next, 1, MPI_INT64_T, kCounterRank, kCounterOffset, 1, MPI_INT64_T, MPI_REPLACE, window);
    MPI_Win_flush(kCounterRank, window);
    // snippet-end: mpi-race-none
  }
  MPI_Win_unlock_all(window);
}

void add_under_lock(MPI_Win window, std::uint64_t increments) {
  for (std::uint64_t i = 0; i < increments; ++i) {
    // snippet-begin: mpi-race-lock
    std::int64_t seen = 0;
    MPI_Win_lock(MPI_LOCK_EXCLUSIVE, kCounterRank, 0, window);
    MPI_Get(&seen, 1, MPI_INT64_T, kCounterRank, kCounterOffset, 1, MPI_INT64_T, window);
    MPI_Win_flush(kCounterRank, window);
    const std::int64_t next = seen + 1;
    MPI_Put(&next, 1, MPI_INT64_T, kCounterRank, kCounterOffset, 1, MPI_INT64_T, window);
    MPI_Win_unlock(kCounterRank, window);
    // snippet-end: mpi-race-lock
  }
}

void add_atomically(MPI_Win window, std::uint64_t increments) {
  const std::int64_t one = 1;
  MPI_Win_lock_all(0, window);
  for (std::uint64_t i = 0; i < increments; ++i) {
    // snippet-begin: mpi-race-atomic
    std::int64_t before = 0;
    MPI_Fetch_and_op(&one, &before, MPI_INT64_T, kCounterRank, kCounterOffset, MPI_SUM, window);
    MPI_Win_flush(kCounterRank, window);
    // snippet-end: mpi-race-atomic
  }
  MPI_Win_unlock_all(window);
}

}  // namespace

RaceJob run_race_job(const World& world, const playground::Request& request) {
  CounterWindow counter(world);
  const std::uint64_t increments = request.params.increments;
  const double origin = playground::now_ms();
  const double start = playground::now_ms();
  switch (request.params.sync) {
    case playground::Sync::None: add_unsynchronised(counter.get(), increments); break;
    case playground::Sync::Lock: add_under_lock(counter.get(), increments); break;
    case playground::Sync::Atomic: add_atomically(counter.get(), increments); break;
  }
  const double end = playground::now_ms();
  world.barrier();  // every rank's last update is in the window

  RaceJob job;
  const auto rank = static_cast<std::uint64_t>(world.rank());
  job.outcome.span = {rank, playground::current_pid(), playground::current_tid(), start - origin, end - origin,
                      increments, world.host()};
  job.outcome.events.push_back({rank, playground::WorkerState::Running, start - origin, end - origin});
  job.outcome.partial = playground::RacePartial{0, increments};
  if (world.root()) job.final_value = counter.read();
  return job;
}

}  // namespace cplay::mpi
