#pragma once
#include <span>

#include <nlohmann/json_fwd.hpp>

namespace cplay::mpi {

// `cplay barrier --mode mpi` on every rank: rank i is worker i of the ring, whose rows live in an
// MPI window on rank 0. sync barrier: every rank waits in MPI_Barrier after each phase (the
// lesson's dist.barrier()); none: no rank waits, so a fast one reads cells not yet written.
// Rank 0 checks the request first (a refusal: exit 2 on every rank) and prints the report; it
// exits 1 when the answer differs from the sequential reference, like the threads run.
int run_mpi_barrier(const nlohmann::json& request, bool json_output, std::span<char* const> argv);

}  // namespace cplay::mpi
