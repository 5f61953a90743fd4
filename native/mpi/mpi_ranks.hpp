#pragma once
#include <span>

#include "common/demo_options.hpp"

namespace cplay::mpi {

// cplay-mpi's runner of a `--mode mpi` demo, on every rank: rank 0 validates the request and
// broadcasts it (or its refusal: every rank then exits 2 and rank 0 says why); the ranks run it
// (--runs times for the race), and rank 0 prints each report.
int run_mpi_ranks(const DemoOptions& options, std::span<char* const> argv);

}  // namespace cplay::mpi
