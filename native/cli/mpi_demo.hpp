#pragma once
#include <span>

#include <nlohmann/json_fwd.hpp>

#include "common/demo_options.hpp"
#include "playground/barrier.hpp"

namespace cplay {

// Runs a demo request whose mode is mpi. `argv` is the whole command line as given.
using MpiDemoRunner = int (*)(const DemoOptions&, std::span<char* const> argv);
// Runs `cplay barrier --mode mpi`: the experiment's request, --json, and the whole command line.
using MpiBarrierRunner = int (*)(const nlohmann::json& request, bool json_output, std::span<char* const> argv);

// cplay's own runners: inside an MPI job (mpirun started this process) they become cplay-mpi with
// the same command line; otherwise they validate, start `mpirun -n <workers>` of cplay-mpi and
// report a killed rank as a failure (exit 1). Without cplay-mpi: exit 2, saying how to get it.
int launch_mpi_demo(const DemoOptions&, std::span<char* const> argv);
int launch_mpi_barrier(const nlohmann::json& request, bool json_output, std::span<char* const> argv);

// Throws ArgumentError for what the barrier experiment cannot do as MPI ranks (--sync join: ranks
// live for the whole job, there is no rank to start per phase).
void check_mpi_barrier_options(const playground::BarrierOptions&);

// cplay-mpi replaces them with the ranks' own runners (native/mpi/).
void set_mpi_demo_runner(MpiDemoRunner);
MpiDemoRunner mpi_demo_runner();
void set_mpi_barrier_runner(MpiBarrierRunner);
MpiBarrierRunner mpi_barrier_runner();

}  // namespace cplay
