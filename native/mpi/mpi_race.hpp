#pragma once
// The race as MPI ranks: one counter in a one-sided window on rank 0 that every rank adds to.
//   none:   read it, then write it back plus one, as two separate accesses. MPI's plain
//           MPI_Get/MPI_Put to one location from two ranks at once are conflicting accesses whose
//           outcome the standard leaves undefined (MPI-3.1 11.7), the window's data race; so the
//           read is MPI_Fetch_and_op(MPI_NO_OP) and the write MPI_Accumulate(MPI_REPLACE), each
//           atomic on its own, like the threads' relaxed load and store: updates are lost
//           between them, and nothing is undefined;
//   lock:   MPI_Get and MPI_Put inside an exclusive window lock (MPI_Win_lock) per increment;
//   atomic: MPI_Fetch_and_op(MPI_SUM), one atomic read-modify-write per increment.
#include "mpi/mpi_outcome.hpp"
#include "mpi/mpi_world.hpp"
#include "playground/request.hpp"

namespace cplay::mpi {

struct RaceJob {
  RankOutcome outcome;
  std::int64_t final_value = 0;  // rank 0: the counter once every rank is done
};

// Every rank calls it. Creates and frees the window; the counter starts at 0.
RaceJob run_race_job(const World&, const playground::Request&);

}  // namespace cplay::mpi
