#include "mpi/mpi_verdict.hpp"

#include <iostream>

#include "playground/errors.hpp"

namespace cplay::mpi {

void check_one_rank_per_worker(const World& world, std::uint64_t workers) {
  const auto ranks = static_cast<std::uint64_t>(world.size());
  if (workers != ranks)
    throw playground::ArgumentError("--workers must equal the number of ranks in mode mpi: this job has " +
                                    std::to_string(ranks) + " (mpirun -n " + std::to_string(ranks) + "), got " +
                                    std::to_string(workers));
}

std::optional<std::string> decided_on_root(const World& world, const std::function<std::string()>& check) {
  std::string verdict;
  if (world.root()) {
    try {
      verdict = "R" + check();
    } catch (const playground::ArgumentError& e) {
      verdict = std::string("E") + e.what();
    }
  }
  verdict = world.broadcast(verdict);
  if (verdict.front() == 'R') return verdict.substr(1);
  if (world.root()) std::cerr << "cplay: error: " << verdict.substr(1) << std::endl;
  return std::nullopt;
}

}  // namespace cplay::mpi
