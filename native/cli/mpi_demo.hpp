#pragma once
#include <span>

#include "common/demo_options.hpp"

namespace cplay {

// Runs a demo request whose mode is mpi. `argv` is the whole command line as given.
using MpiDemoRunner = int (*)(const DemoOptions&, std::span<char* const> argv);

// cplay's own runner: inside an MPI job (mpirun started this process) it becomes cplay-mpi with
// the same command line; otherwise it starts `mpirun -n <workers>` of cplay-mpi itself and
// reports a killed rank as a failure (exit 1). Without cplay-mpi: exit 2, saying how to get it.
int launch_mpi_demo(const DemoOptions&, std::span<char* const> argv);

// cplay-mpi replaces it with the ranks' own runner (native/mpi/).
void set_mpi_demo_runner(MpiDemoRunner);
MpiDemoRunner mpi_demo_runner();

}  // namespace cplay
