#pragma once
// Whether this cplay can run MPI ranks, and whether it is one: what the validation (which the
// fuzz targets link) and the CLI need, without the launcher.
#include <string>

namespace cplay {

// cplay-mpi next to this executable; empty when this cplay was built without MPI.
std::string mpi_program();
// Why mode mpi is unavailable when mpi_program() is empty, and how to get it.
std::string mpi_unavailable_reason();
// True in a process that mpirun (or srun) started as a rank: its environment says so.
bool inside_mpi_job();
// This process's rank from the environment of an MPI launch; -1 outside one.
int rank_from_environment();


}  // namespace cplay
