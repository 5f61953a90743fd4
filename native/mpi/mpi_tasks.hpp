#pragma once
// primes, factorial and io as MPI ranks: the core's workloads, their tasks handed out in chunks
// by rank 0 (mpi_chunks.hpp).
#include "mpi/mpi_chunks.hpp"
#include "mpi/mpi_outcome.hpp"
#include "mpi/mpi_world.hpp"
#include "playground/run.hpp"

namespace cplay::mpi {

struct TaskJob {
  RankOutcome outcome;  // this rank's
  std::uint64_t chunks = 0;  // rank 0: chunks handed out in all
};

// Every rank calls it; `origin_ms` is this rank's now_ms() as the job's ranks left one barrier.
TaskJob run_task_job(const World&, const playground::Request&, double origin_ms, const playground::RunHooks&);

}  // namespace cplay::mpi
