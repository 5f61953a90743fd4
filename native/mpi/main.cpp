// cplay-mpi: the ranks of `--mode mpi`. The same command line as cplay (cplay execs this program
// when mpirun started it, and starts mpirun of it otherwise); only the mpi runner differs.
#include <csignal>

#include <sys/prctl.h>
#include <unistd.h>

#include "cli/cli.hpp"
#include "cli/mpi_demo.hpp"
#include "mpi/mpi_barrier.hpp"
#include "mpi/mpi_ranks.hpp"

int main(int argc, char** argv) {
  // A rank whose launcher (mpirun, or Open MPI's daemon on another host) dies goes with it, so
  // that no rank is left behind however the job ends.
  const pid_t launcher = ::getppid();
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != launcher) return 1;
  cplay::set_mpi_demo_runner(&cplay::mpi::run_mpi_ranks);
  cplay::set_mpi_barrier_runner(&cplay::mpi::run_mpi_barrier);
  return cplay::cli_main(argc, argv);
}
